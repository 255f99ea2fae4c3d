import Foundation

/// One line of `colosim runs list`: a run's identity and its summary metrics.
public struct RunSummary: Codable, Sendable, Equatable {
    /// Store row id.
    public var id: Int64
    /// Duplicate-detection key (``RunRecord/runKey``).
    public var runKey: String
    /// Scenario name.
    public var scenarioName: String
    /// Scenario hash.
    public var scenarioHash: String
    /// Co-location policy.
    public var policy: String
    /// Seed.
    public var seed: UInt64
    /// Run digest.
    public var digest: String
    /// colosim version.
    public var colosimVersion: String
    /// Wall-clock start (caller-supplied).
    public var startedAt: Date
    /// Wall-clock end (caller-supplied).
    public var finishedAt: Date
    /// Sweep id, if any.
    public var sweepID: String?
    /// Sweep point key, if any.
    public var pointKey: String?
    /// Summary metrics.
    public var summary: [String: MetricValue]

    /// Creates a summary line.
    public init(id: Int64, runKey: String, scenarioName: String, scenarioHash: String, policy: String,
                seed: UInt64, digest: String, colosimVersion: String, startedAt: Date, finishedAt: Date,
                sweepID: String?, pointKey: String?, summary: [String: MetricValue]) {
        self.id = id
        self.runKey = runKey
        self.scenarioName = scenarioName
        self.scenarioHash = scenarioHash
        self.policy = policy
        self.seed = seed
        self.digest = digest
        self.colosimVersion = colosimVersion
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.sweepID = sweepID
        self.pointKey = pointKey
        self.summary = summary
    }
}
