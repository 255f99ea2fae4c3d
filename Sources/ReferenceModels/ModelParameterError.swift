/// A reference-model parameter outside its valid range; the CLI reports it as bad input (exit 2).
public struct ModelParameterError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The parameter at fault, spelled as its command-line flag (e.g. `--servers`).
    public var field: String
    /// What is wrong and what was expected.
    public var message: String

    /// Creates a parameter error for `field`.
    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
