/// One recorded rewrite of a golden file: why the baselines were changed on purpose.
public struct GoldenUpdate: Sendable, Hashable, Codable {
    /// The reason given with `--update --reason`.
    public var reason: String
    /// When (ISO 8601, supplied by the caller; the model reads no clock).
    public var date: String
    /// The cases rewritten.
    public var cases: [String]

    /// Creates a record.
    public init(reason: String, date: String, cases: [String]) {
        self.reason = reason
        self.date = date
        self.cases = cases
    }
}
