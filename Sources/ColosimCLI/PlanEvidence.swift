import Simulator

/// One run of a capacity search: the GPU count, the figures and the stored run.
struct PlanEvidence: Sendable {
    /// GPUs provisioned.
    var gpus: Int
    /// The run's figures.
    var metrics: RunMetrics
    /// Stored run id.
    var runID: Int64
    /// Lowest ratio of a service's served requests to those served at the largest GPU count searched.
    var served: Double
    /// BE work done over the BE work done with every GPU searched (1 without BE work).
    var beShare: Double = 1
    /// Span search: the GPU count of the run these figures come from (its pods used only nodes with
    /// ``gpus`` GPUs; figures over provisioned GPUs are restated for those); nil for a run at ``gpus``.
    var spannedFrom: Int? = nil
}
