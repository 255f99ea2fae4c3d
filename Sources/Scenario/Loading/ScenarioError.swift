/// A scenario file that cannot be run: names the file, the line, the field and what is wrong.
///
/// The CLI maps it to `InputError` (exit code 2).
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The scenario file.
    public var file: String
    /// 1-based line of the offending key or value, when known.
    public var line: Int?
    /// Dotted path of the offending field, e.g. `containers[1].weight`.
    public var field: String?
    /// What is wrong and what was expected.
    public var message: String

    /// Creates a scenario error.
    public init(file: String, line: Int?, field: String?, _ message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: field 'x': message`.
    public var description: String {
        var s = file + (line.map { ":\($0)" } ?? "") + ": "
        if let field { s += "field '\(field)': " }
        return s + message
    }
}
