import ResultStore
import Simulator

/// The outcome of one scenario run through ``ScenarioRunner``: the record to store and the metrics.
public struct ScenarioRun: Sendable {
    /// The run record (not yet stored; the caller sets sweep ids and stores it).
    public var record: RunRecord
    /// The figures compare/sweep/plan/tune use.
    public var metrics: RunMetrics
    /// Whether the scenario was a cluster scenario.
    public var isCluster: Bool
    /// The human-readable summary `colosim run` prints.
    public var reportText: String = ""
    /// The JSON document `colosim run --json` prints (before `run_id` is added).
    public var reportJSON: String = ""
}
