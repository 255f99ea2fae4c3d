import Simulator

/// One policy's line in a comparison: its metrics and where the run was stored.
struct CompareRow: Sendable {
    /// The run's metrics.
    var metrics: RunMetrics
    /// The stored run's id in `--db`.
    var runID: Int64
    /// The seed used.
    var seed: UInt64
    /// The scenario's name.
    var scenarioName: String
}
