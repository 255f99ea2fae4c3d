/// Persistent storage of node-model responses (the result store implements it), keyed by state key
/// and node-model version (DESIGN §11).
public protocol ResponseStore: Sendable {
    /// Every stored response of `version`, by state key.
    func responses(version: String) throws -> [String: NodeResponse]
    /// Stores `responses` (key → response) under `version`.
    func save(_ responses: [String: NodeResponse], version: String) throws
}
