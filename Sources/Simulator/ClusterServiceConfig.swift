import Scheduling
import Workload

/// An online inference service in a cluster run.
public struct ClusterServiceConfig: Sendable {
    /// How the service's load is given.
    public enum Load: Sendable {
        /// Each replica follows its own GPU-utilization profile (fraction 0–1 on a dedicated GPU,
        /// looped over the run), turned into requests/s by ``ClusterLatencyModel/load(forDuty:)``.
        case utilizationProfiles([TimeSeries])
        /// The whole service's arrival rate, split evenly over its ready replicas.
        case arrivals(ArrivalProcess)
    }
    /// Name.
    public var name: String
    /// Fixed replica count (ignored under `tidal`, which autoscales).
    public var replicas: Int
    /// The load.
    public var load: Load
    /// Batching and latency.
    public var latency: ClusterLatencyModel
    /// SLA: the p99 latency target, seconds.
    public var p99Target: Double
    /// Compute quota of a replica pod under `shared`, milli-GPU.
    public var gpuMilli: Int
    /// Device memory of a replica, MiB.
    public var memoryMiB: Int
    /// Time-slice weight.
    public var weight: Double
    /// DRAM-bandwidth fraction of its kernels.
    public var dramFraction: Double
    /// Tidal: requests/s per replica and headroom.
    public var tidal: TidalService?

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
}
