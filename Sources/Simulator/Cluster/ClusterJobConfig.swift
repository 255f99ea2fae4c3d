import Workload

/// An offline (BE) job in a cluster run.
public struct ClusterJobConfig: Sendable {
    /// What the job does.
    public enum Kind: Sendable {
        /// Training: continuous GPU work with checkpoints, restart cost after an eviction.
        case training(TrainingJobSpec)
        /// Data processing or model development: bursts of work with think times.
        case interactive(InteractiveJobSpec)
    }
    /// The job.
    public var kind: Kind
    /// Compute quota under `shared` (and its size beside LS), milli-GPU.
    public var gpuMilli: Int
    /// Device memory, MiB.
    public var memoryMiB: Int
    /// Time-slice weight.
    public var weight: Double
    /// The GPU the job runs on now (global index), where the scenario says so; honoured at its
    /// submission when ``ClusterSimulationConfig/startFromBindings``.
    public var pinnedGPU: Int?
    /// Training: runtimes (reference-device GPU seconds) to draw each instance's work from
    /// (``RuntimeDraw``); empty: the spec's iterations × iteration work.
    public var runtimes: [Double] = []
    /// Whether a finished job is submitted again as a new instance (a pod of the same shape that runs
    /// the next job: BE churn). Training only.
    public var resubmit = false

    /// Creates a job.
    public init(kind: Kind, gpuMilli: Int = 500, memoryMiB: Int = 4096, weight: Double = 1) {
        self.kind = kind
        self.gpuMilli = gpuMilli
        self.memoryMiB = memoryMiB
        self.weight = weight
    }

    /// The job's name.
    public var name: String {
        switch kind {
        case .training(let t): t.name
        case .interactive(let i): i.name
        }
    }
}
