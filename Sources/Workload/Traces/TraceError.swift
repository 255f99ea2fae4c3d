/// A malformed trace: the file, the 1-based line and the 1-based CSV column at fault, and what is wrong.
///
/// Every importer in `Workload` throws this for bad input (missing column, bad number, negative or
/// non-monotonic time, out-of-range value); the CLI maps it to its `InputError` (exit code 2).
/// `description` reads `FILE:LINE: column N 'NAME': MESSAGE`.
public struct TraceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or display name) the trace came from.
    public var file: String
    /// The 1-based physical line, if the problem is on one line.
    public var line: Int?
    /// The 1-based CSV column (field number), if one column is at fault.
    public var column: Int?
    /// The column's header name, if known.
    public var columnName: String?
    /// What is wrong and what was expected.
    public var message: String

    /// Creates a trace error.
    public init(file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil,
                _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.message = message
    }

    /// `FILE:LINE: column N 'NAME': MESSAGE`, leaving out the parts that are unknown.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": "
        if let column {
            s += "column \(column)"
            if let columnName { s += " '\(columnName)'" }
            s += ": "
        } else if let columnName {
            s += "column '\(columnName)': "
        }
        return s + message
    }
}
