import Scheduling
import Workload

/// Everything a cluster run needs: GPUs, policy, online services, offline jobs, span and step.
public struct ClusterSimulationConfig: Sendable {
    /// Nodes in the cluster.
    public var nodes: Int
    /// GPUs per node.
    public var gpusPerNode: Int
    /// The co-location policy.
    public var policy: ColocationPolicyKind
    /// Policy parameters (its `gpuCount` is set from nodes × GPUs per node).
    public var colocation: ColocationConfig
    /// Online inference services.
    public var services: [ClusterServiceConfig]
    /// Offline (BE) jobs.
    public var jobs: [ClusterJobConfig]
    /// Simulated span, seconds.
    public var duration: Double
    /// Step of the fluid per-GPU model, seconds.
    public var step: Double
    /// Tidal: how often replica counts are re-decided, seconds.
    public var scaleInterval: Double
    /// Tidal: time from a replica's start to serving (model load), seconds (L).
    public var replicaStartup: Double
    /// Seed of the workload generators.
    public var seed: UInt64

    /// Creates a configuration.
    public init(nodes: Int, gpusPerNode: Int, policy: ColocationPolicyKind, colocation: ColocationConfig? = nil,
                services: [ClusterServiceConfig], jobs: [ClusterJobConfig], duration: Double, step: Double = 10,
                scaleInterval: Double = 300, replicaStartup: Double = 60, seed: UInt64 = 1) {
        self.nodes = nodes
        self.gpusPerNode = gpusPerNode
        self.policy = policy
        var c = colocation ?? ColocationConfig(gpuCount: nodes * gpusPerNode)
        c.gpuCount = nodes * gpusPerNode
        self.colocation = c
        self.services = services
        self.jobs = jobs
        self.duration = duration
        self.step = step
        self.scaleInterval = scaleInterval
        self.replicaStartup = replicaStartup
        self.seed = seed
    }

    /// GPUs in the cluster.
    public var gpuCount: Int { nodes * gpusPerNode }
}

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
