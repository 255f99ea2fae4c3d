import Simulator

/// One sweep point run by this invocation.
struct SweepPointResult: Sendable {
    /// The point's key.
    var point: String
    /// The point's index in the grid.
    var index: Int
    /// The stored run's id.
    var runID: Int64
    /// The run's metrics.
    var metrics: RunMetrics
}
