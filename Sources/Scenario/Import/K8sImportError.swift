/// An import stopped by bad input: the first issue under ``K8sImportOptions/OnError/stop``, or a
/// problem no object-by-object skipping can get past (unreadable file, not a `List`, no GPU pods).
public struct K8sImportError: Error, Sendable, CustomStringConvertible {
    /// The issue that stopped the import.
    public var issue: K8sImportIssue

    /// Creates an error.
    public init(_ issue: K8sImportIssue) { self.issue = issue }

    /// The issue's text.
    public var description: String { issue.description }
}
