/// A malformed openb trace: the file, 1-based line and column where it went wrong.
public struct OpenbFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file that was read.
    public var file: String
    /// 1-based line number (1 = header).
    public var line: Int
    /// The column at fault (its header name), if known.
    public var column: String?
    /// What is wrong.
    public var message: String

    /// Creates the error.
    public init(file: String, line: Int, column: String?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line: column 'x': message`.
    public var description: String {
        "\(file):\(line): " + (column.map { "column '\($0)': " } ?? "") + message
    }
}
