/// A problem found in a `kubectl … -o json` file: the file, the JSON path of the offending value
/// (`items[3].spec.containers[0].resources.limits["amd.com/gpu"]`) and what is wrong.
public struct K8sImportIssue: Sendable, Hashable, CustomStringConvertible {
    /// The file the value came from.
    public var file: String
    /// JSON path of the value (`$` for the document itself).
    public var path: String
    /// What is wrong and what was expected.
    public var message: String

    /// Creates an issue.
    public init(file: String, path: String, _ message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// `FILE: PATH: MESSAGE`.
    public var description: String { "\(file): \(path): \(message)" }
}
