import ColoModel
import Scheduling
import SimEngine
import Workload

/// Runs a cluster of GPUs under one co-location policy through the one pipeline (DESIGN §2): the
/// cluster ``Scheduling/ColocationScheduler`` places pods; every GPU with pods is a co-location state
/// the node model (``NodeModel``: the single-GPU simulator with the GPU's isolation engine) evaluates
/// at the run's ``ClusterFidelity``; responses feed merged latency histograms, BE progress and
/// utilization. Events (steps, job submissions, tidal scaling, replica start-up) run on the SimEngine kernel.
public enum ClusterSimulation {
    /// Runs `config` and returns its measurements; throws when a GPU state cannot be simulated or the
    /// response store fails.
    public static func run(_ config: ClusterSimulationConfig) throws -> ClusterSimulationResult {
        var model = ClusterModel(config: config)
        return try model.run()
    }
}
