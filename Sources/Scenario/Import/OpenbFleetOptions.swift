/// What `colosim import openb` writes besides the trace's nodes and pods (docs/fleet.md has the
/// mapping and where each default comes from).
public struct OpenbFleetOptions: Sendable, Hashable {
    /// Scenario name.
    public var name = "fleet-openb-week"
    /// Simulated span, seconds (a week).
    public var duration = 7.0 * 86_400
    /// Cluster step, seconds.
    public var step = 300.0
    /// Response fidelity: each state's evaluation window, seconds.
    public var responseWindow = 10.0
    /// Response fidelity: the load grid (fraction of a dedicated GPU's duty).
    public var loadGrid = 0.05
    /// An LS pod's mean GPU duty as a fraction of what it requests (the published ~20 % per instance).
    public var lsMeanOfRequest = 0.2
    /// LS p99 target, ms (as scenarios/recsys-colocation.yaml).
    public var lsP99Milliseconds = 50.0
    /// LS host time per request, ms (as scenarios/recsys-colocation.yaml).
    public var lsHostMilliseconds = 2.0
    /// The GenAI duty-cycle trace every LS replica's load follows (one trace pod per replica).
    public var dutyCyclePath = "../shared/traces/alibaba-v2026-genai/pod_gpu_duty_cycle_anon.csv"
    /// The runtime list BE jobs draw each instance's work from.
    public var runtimesPath = "traces/philly_runtime_sample.csv"
    /// BE checkpoints: every this many 1 s iterations (L).
    public var checkpointEvery = 1800
    /// BE checkpoint cost, seconds (L).
    public var checkpointSeconds = 30.0
    /// BE restart cost after an eviction, seconds (L).
    public var restartSeconds = 60.0
    /// GPU memory a pod asks for per 1000 milli-GPU. openb gives host memory only, and its scheduler
    /// studies (FGD) place by milli-GPU alone: 0, so memory never closes a GPU.
    public var memoryMiBPerGPU = 0
    /// openb GPU model → device profile. G2 and G3 are undisclosed codes: the reference V100 stands in.
    public var modelProfiles: [String: String] = [
        "V100M16": "v100-sxm2-16gb", "V100M32": "v100-32gb", "T4": "t4", "P100": "p100", "A10": "a10",
        "G2": "v100-32gb", "G3": "v100-32gb",
    ]
    /// Keep `nodeLimit` GPU nodes spread evenly over the node list and the same share of pods (nil: all;
    /// the cost-growth slices).
    public var nodeLimit: Int?

    /// The defaults.
    public init() {}
}
