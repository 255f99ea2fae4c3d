import ColoModel
import Isolation
import Scheduling
import Workload

/// Everything a cluster run needs: GPUs, policy, engines, online services, offline jobs, span, step
/// and fidelity.
public struct ClusterSimulationConfig: Sendable {
    /// Nodes in the cluster.
    public var nodes: Int
    /// GPUs per node (with ``nodeGPUCounts``: the most any node has).
    public var gpusPerNode: Int
    /// GPUs of each node, for clusters whose nodes differ (`cluster.node_groups`); nil: ``nodes`` nodes
    /// of ``gpusPerNode``. Its length is ``nodes``.
    public var nodeGPUCounts: [Int]? = nil
    /// The device of every GPU (with ``gpuProfiles``: of every GPU it does not name).
    public var profile: DeviceProfile = .v100SXM2_16GB
    /// The device of each GPU, for clusters whose nodes differ (`cluster.node_groups[].profile`);
    /// nil: ``profile`` everywhere.
    public var gpuProfiles: [DeviceProfile]? = nil
    /// The co-location policy.
    public var policy: ColocationPolicyKind
    /// Scheduler configuration of the policy (placement, pools, limits); built from `policy` unless set.
    public var colocation: ColocationConfig
    /// Placement policy override (nil: the policy's default).
    public var placement: PlacementPolicyKind?
    /// User-mode engine parameters (`shared`, and `preemptive` / `time-sliced` when `engine` says user mode).
    public var userMode: UserModeParameters = UserModeParameters(smCount: 80, maxThreadsPerSM: 2048)
    /// Time-sliced user-mode engine parameters (when `engine` is `user-mode-time-sliced`).
    public var timeSliced = TimeSlicedQuotaEngine.Parameters()
    /// Kernel-mode engine parameters (`preemptive`, `time-sliced`).
    public var kernelMode: KernelModeParameters = KernelModeParameters()
    /// Kernel-mode policy override (nil: `online-preempts-offline` under `preemptive`, `burst` under `time-sliced`).
    public var kernelModePolicy: KernelModePolicy?
    /// Isolation engine override for the co-located policies (nil: the policy's default engine).
    public var engine: String?
    /// Online services.
    public var services: [ClusterServiceConfig]
    /// Offline (BE) jobs.
    public var jobs: [ClusterJobConfig]
    /// Simulated span, seconds.
    public var duration: Double
    /// Step between cluster state updates (load levels, bindings), seconds.
    public var step: Double
    /// Tidal: how often replica counts are re-decided, seconds.
    public var scaleInterval: Double
    /// Tidal: time from a replica's start to serving (model load), seconds (L).
    public var replicaStartup: Double
    /// Tidal: scale to the highest load expected before the next decision takes effect (one interval
    /// plus a start-up ahead, from the known load curve, as Aryl predicts); false scales to the load now.
    public var forecast: Bool = true
    /// Start from the pods' current bindings (``ClusterServiceConfig/pinnedGPUs``,
    /// ``ClusterJobConfig/pinnedGPU``): pinned pods are bound first, each to its GPU where the
    /// policy gives it room there, then the others are scheduled. False: every pod is scheduled
    /// afresh (what the scheduler would do on an empty cluster). No effect without bindings.
    public var startFromBindings: Bool = true
    /// Seed of the workload generators (and of the node model at `event` fidelity).
    public var seed: UInt64
    /// How GPUs are evaluated.
    public var fidelity: ClusterFidelity = .response
    /// `response`: simulated seconds per state evaluation.
    public var responseWindow: Double = 20
    /// `response`: load levels are quantised to this fraction of a dedicated GPU's duty cycle.
    public var loadGrid: Double = 0.02
    /// `response`: BE demand levels (bursty offline work) are quantised to this fraction (nil: the
    /// larger of ``loadGrid`` and 0.05).
    public var beLoadGrid: Double?
    /// `response`: simulated seconds per evaluation of a state without latency-sensitive pods (nil:
    /// ``defaultBEResponseWindow`` or ``responseWindow``, whichever is shorter).
    public var beResponseWindow: Double?
    /// The window of BE-only states when none is set, seconds. Only BE work rates and utilization are
    /// read from those states, both measured over exactly the window (``DurationSnapshot``); on the
    /// recsys day under `shared` a 2 s window gives the 10 s window's utilization within 0.0001 and
    /// its BE work within +0.4 % (docs/cluster.md), at a fifth of the cost.
    public static let defaultBEResponseWindow = 2.0
    /// Worker threads evaluating GPU states (≥ 1).
    public var evaluationJobs: Int = 1
    /// `response`: the memo of evaluated states (shared across runs of one process; nil: a private one).
    public var responseCache: ResponseCache?
    /// Explain the first `explain` co-location decisions of each kind (0: none). Explanations are
    /// built only when asked and never enter the digest.
    public var explain: Int = 0
    /// The decision kinds to explain (nil: every kind).
    public var explainKinds: Set<ColocationDecisionKind>?
    /// Called after every cluster step with where the run stands (nil: not called). It never changes
    /// the run.
    public var progress: (@Sendable (ClusterProgress) -> Void)?

    /// Creates a configuration.
    public init(nodes: Int, gpusPerNode: Int, policy: ColocationPolicyKind, colocation: ColocationConfig? = nil,
                services: [ClusterServiceConfig], jobs: [ClusterJobConfig], duration: Double, step: Double = 10,
                scaleInterval: Double = 300, replicaStartup: Double = 60, seed: UInt64 = 1) {
        self.nodes = nodes
        self.gpusPerNode = gpusPerNode
        self.policy = policy
        var c = colocation ?? ColocationConfig(kind: policy, gpuCount: nodes * gpusPerNode, gpusPerNode: gpusPerNode)
        c.gpuCount = nodes * gpusPerNode
        c.gpusPerNode = gpusPerNode
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
    public var gpuCount: Int { nodeGPUCounts.map { $0.reduce(0, +) } ?? nodes * gpusPerNode }

    /// The device of GPU `g`: its entry of ``gpuProfiles``, else ``profile``.
    public func profile(ofGPU g: Int) -> DeviceProfile {
        if let p = gpuProfiles, g >= 0, g < p.count { return p[g] }
        return profile
    }

    /// GPUs of each node (``nodeGPUCounts``, or ``nodes`` × ``gpusPerNode``). O(nodes).
    public var nodeLayout: [Int] { nodeGPUCounts ?? Array(repeating: gpusPerNode, count: max(0, nodes)) }

    /// The scheduler configuration `policy` runs with: its defaults, the scenario's placement and limits.
    public var effectiveColocation: ColocationConfig {
        var c = ColocationConfig(kind: policy, gpuCount: gpuCount, gpusPerNode: gpusPerNode,
                                 gpuMemoryMiB: colocation.gpuMemoryMiB)
        c.nodeGPUCounts = nodeGPUCounts
        c.gpuMemoryMiBs = colocation.gpuMemoryMiBs
        c.placement = placement ?? c.placement
        c.bePlacement = colocation.bePlacement
        c.maxBEPerGPU = colocation.maxBEPerGPU
        if policy != .dedicated && policy != .tidal { c.maxPodsPerGPU = colocation.maxPodsPerGPU }
        c.tidalServices = services.map { $0.tidal ?? TidalService(capacityPerReplica: $0.latency.peakThroughput) }
        return c
    }

    /// The isolation engine every GPU runs under `policy` (DESIGN §6): none for `dedicated` and
    /// `tidal` (one pod per GPU), the user-mode engine for `shared`, the kernel-mode engine with
    /// `online-preempts-offline` for `preemptive` and `burst` weighted slices for `time-sliced`;
    /// `engine` overrides the engine of the co-located policies.
    public var isolation: IsolationSpec {
        let defaultEngine: String = switch policy {
        case .dedicated, .tidal: "none"
        case .shared: "user-mode"
        case .preemptive, .timeSliced: "kernel-mode"
        }
        let name = (policy == .dedicated || policy == .tidal) ? "none" : (engine ?? defaultEngine)
        var user = userMode
        user.smCount = Int64(profile.sms)
        user.maxThreadsPerSM = Int64(profile.maxThreadsPerSM)
        switch name {
        case "user-mode": return .userMode(user)
        case "user-mode-time-sliced": return .userModeTimeSliced(timeSliced)
        case "kernel-mode":
            let p = kernelModePolicy ?? (policy == .preemptive ? .onlinePreemptsOffline : .burst)
            return .kernelMode(p, kernelMode, totalWeight: nil)
        default: return .none
        }
    }
}
