import ColoModel
import Scheduling
import SimEngine
import Workload

/// Runs a cluster of GPUs under one co-location policy with a step-level (fluid) per-GPU model.
///
/// Why fluid: a day at hundreds of requests/s per GPU is ~10⁸ requests; the single-GPU simulator's
/// kernel-level model is too fine for that (DESIGN §10 asks a day on 8 GPUs at 1000 req/s/GPU in
/// under 30 s). Each step (default 10 s) every replica's offered load is turned into a batch size,
/// a duty cycle and a latency distribution with the L(b, f) model, the policy arbitrates each GPU
/// (``ColocationArbitration``), and latencies go into streaming histograms. Events (steps, job
/// submissions, tidal scaling, replica start-up) run on the SimEngine kernel.
public enum ClusterSimulation {
    /// Runs `config` and returns its measurements.
    public static func run(_ config: ClusterSimulationConfig) -> ClusterSimulationResult {
        var model = ClusterModel(config: config)
        return model.run()
    }
}
