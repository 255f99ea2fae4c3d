/// Why a report could not be produced.
public struct ReportError: Error, CustomStringConvertible, Sendable {
    /// Whether the cause is bad input (e.g. an unwritable output path) rather than a broken install.
    public var isInputError: Bool
    /// The file concerned, if any.
    public var path: String?
    /// What went wrong.
    public var message: String

    /// Creates a report error.
    public init(isInputError: Bool, path: String?, _ message: String) {
        self.isInputError = isInputError
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { (path.map { $0 + ": " } ?? "") + message }
}
