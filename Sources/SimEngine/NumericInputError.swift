/// A number outside the range colosim accepts; the caller adds the file and line.
public struct NumericInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field or flag concerned, if known.
    public var field: String?
    /// What is wrong and what was expected.
    public var message: String

    /// Creates the error.
    public init(field: String? = nil, _ message: String) {
        self.field = field
        self.message = message
    }

    /// `field 'x': message`.
    public var description: String { (field.map { "field '\($0)': " } ?? "") + message }
}
