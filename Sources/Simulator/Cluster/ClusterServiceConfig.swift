import ColoModel
import Scheduling
import SimEngine
import Workload

/// An online service in a cluster run: inference replicas, or render / codec replicas placed beside
/// AI pods (the platform's render and codec co-location, DESIGN §6).
public struct ClusterServiceConfig: Sendable {
    /// How the service's load is given.
    public enum Load: Sendable {
        /// Each replica follows its own GPU-utilization profile (fraction 0–1 on a dedicated GPU,
        /// looped over the run), turned into requests/s by ``ClusterLatencyModel/load(forDuty:)``.
        case utilizationProfiles([TimeSeries])
        /// The whole service's arrival rate, split evenly over its ready replicas.
        case arrivals(ArrivalProcess)
        /// Render or codec replicas: each issues frames at its own rate (``Kind``).
        case frames
    }
    /// What a replica runs.
    public enum Kind: Sendable, Hashable {
        /// Batched inference (``ClusterLatencyModel``).
        case inference
        /// Render frames at a target rate (driving simulation, cloud gaming).
        case render(ColoModel.RenderSpec)
        /// A video stream on NVENC or NVDEC.
        case codec(ColoModel.CodecStreamSpec)

        /// `inference`, `render` or `codec`.
        public var label: String {
            switch self {
            case .inference: "inference"
            case .render: "render"
            case .codec: "codec"
            }
        }
    }
    /// Name.
    public var name: String
    /// Fixed replica count (ignored under `tidal`, which autoscales inference services).
    public var replicas: Int
    /// The load.
    public var load: Load
    /// What a replica runs.
    public var kind: Kind = .inference
    /// Batching and latency (inference).
    public var latency: ClusterLatencyModel
    /// SLA: the p99 latency target (frame time for render and codec), seconds.
    public var p99Target: Double
    /// Compute quota of a replica pod (its GPU request when the policy packs fractional pods), milli-GPU.
    public var gpuMilli: Int
    /// Device memory of a replica, MiB.
    public var memoryMiB: Int
    /// Kernel-mode weight (one weight for compute, render and codec).
    public var weight: Double
    /// DRAM-bandwidth fraction of its kernels.
    public var dramFraction: Double
    /// Tidal: requests/s per replica and headroom.
    public var tidal: TidalService?
    /// The GPU replica `k` runs on now (`pinnedGPUs[k]`, global index; negative: none), where the scenario says so
    /// (e.g. imported from a live cluster); honoured at t = 0 when ``ClusterSimulationConfig/startFromBindings``.
    /// Ignored under `tidal`, which starts its own replicas.
    public var pinnedGPUs: [Int] = []
    /// Churn: replica `k`'s pods live `lifetimes[k % count]` seconds each (0: the whole run). When
    /// one reaches its end, its replacement (a new pod, scheduled afresh) is created `replica_startup_s`
    /// before, serves from the old pod's end, and lives as long (a rolling update with surge 1). Empty:
    /// replicas live the whole run. Not under `tidal`.
    public var lifetimes: [Double] = []

    /// Creates a service.
    public init(name: String, replicas: Int, load: Load, latency: ClusterLatencyModel = .init(), p99Target: Double,
                gpuMilli: Int = 500, memoryMiB: Int = 4096, weight: Double = 1, dramFraction: Double = 0.3,
                tidal: TidalService? = nil) {
        self.name = name
        self.replicas = replicas
        self.load = load
        self.latency = latency
        self.p99Target = p99Target
        self.gpuMilli = gpuMilli
        self.memoryMiB = memoryMiB
        self.weight = weight
        self.dramFraction = dramFraction
        self.tidal = tidal
    }

    /// The single-GPU inference workload of one replica (its arrival is set per state).
    public var inferenceSpec: InferenceSpec {
        InferenceSpec(arrival: .closedLoop, maxBatch: latency.maxBatch, alpha: .seconds(latency.alpha),
                      beta: .seconds(latency.beta), hostTime: .seconds(latency.hostTime),
                      kneeBatch: max(1, Int(latency.kneeBatch.rounded())), dramFraction: dramFraction)
    }
}
