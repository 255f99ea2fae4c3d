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
    /// Tidal: scale to the highest load expected before the next decision takes effect (one interval
    /// plus a start-up ahead, from the known load curve, as Aryl predicts); false scales to the load now.
    public var forecast: Bool = true
    /// Seed of the workload generators.
    public var seed: UInt64
    /// Explain the first `explain` co-location decisions of each kind (0: none). Explanations are
    /// built only when asked and never enter the digest.
    public var explain: Int = 0
    /// The decision kinds to explain (nil: every kind).
    public var explainKinds: Set<ColocationDecisionKind>?

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
