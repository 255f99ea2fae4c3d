/// Where a cluster run stands: what ``ClusterSimulationConfig/progress`` receives after every step.
/// Simulated quantities only; the shell adds wall time and the ETA.
public struct ClusterProgress: Sendable, Hashable {
    /// Simulated seconds done.
    public var simulatedSeconds: Double
    /// Simulated seconds the run covers.
    public var durationSeconds: Double
    /// GPU states evaluated by the node model so far.
    public var statesEvaluated: Int
    /// Response look-ups so far (`response` fidelity).
    public var lookups: Int
    /// Look-ups answered from the cache so far.
    public var hits: Int

    /// Creates a progress record.
    public init(simulatedSeconds: Double, durationSeconds: Double, statesEvaluated: Int, lookups: Int, hits: Int) {
        self.simulatedSeconds = simulatedSeconds
        self.durationSeconds = durationSeconds
        self.statesEvaluated = statesEvaluated
        self.lookups = lookups
        self.hits = hits
    }

    /// The fraction of the run done, 0…1.
    public var fraction: Double {
        durationSeconds > 0 ? min(1, max(0, simulatedSeconds / durationSeconds)) : 1
    }

    /// The cache hit rate so far (nil before the first look-up).
    public var hitRate: Double? { lookups > 0 ? Double(hits) / Double(lookups) : nil }
}
