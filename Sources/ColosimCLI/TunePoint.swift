import Simulator

/// One evaluated weight vector of `colosim tune`.
struct TunePoint: Sendable, Hashable {
    /// Weights, in container order.
    var weights: [Double]
    /// The objective (NaN when not run).
    var objective: Double
    /// SLA violation: Σ over services of max(0, p99 / target − 1) (0 = every SLA kept).
    var violation: Double
    /// The run's figures (nil when the point was rejected without a run).
    var metrics: RunMetrics?
    /// Stored run id.
    var runID: Int64?

    /// Whether every SLA was kept.
    var feasible: Bool { metrics != nil && violation <= 0 && objective.isFinite }
}
