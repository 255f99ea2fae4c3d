/// Bad input from the user: a flag value, a scenario or a trace. Always exits with code 2.
///
/// The message names the file, the line and the field where one is known, e.g.
/// `scenarios/x.yaml:12: field 'weight': must be > 0, got -1`.
public struct InputError: Error, CustomStringConvertible, Sendable {
    /// The file the bad input came from, if any.
    public var file: String?
    /// The 1-based line in `file`, if known.
    public var line: Int?
    /// The field, flag or column at fault, if known.
    public var field: String?
    /// What is wrong and what was expected.
    public var message: String

    /// Creates an input error.
    public init(file: String? = nil, line: Int? = nil, field: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var s = ""
        if let file { s += file + (line.map { ":\($0)" } ?? "") + ": " }
        if let field { s += "field '\(field)': " }
        return s + message
    }
}
