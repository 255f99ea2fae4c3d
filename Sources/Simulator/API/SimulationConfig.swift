import ColoModel
import GPUDevice
import SimEngine

/// Everything one single-GPU simulation needs: the device, the containers and their workloads,
/// the scheduling policy of each slice domain and the user-mode launch gate.
///
/// The defaults model a bare GPU: the native time-slicer on the SMs, shared (FCFS) codec engines
/// and no launch gate. An isolation engine replaces the schedulers (kernel mode) or the gate
/// (user mode) and sets memory quotas in ``ContainerSpec/memoryQuotaBytes``.
public struct SimulationConfig: Sendable {
    /// The device.
    public var profile: DeviceProfile
    /// Containers on the device (identifiers unique).
    public var containers: [ContainerSpec]
    /// Time-slice policy of the SMs (compute + render).
    public var graphicsScheduler: any ContextScheduler
    /// Time-slice policy of the NVENC engines.
    public var nvencScheduler: any ContextScheduler
    /// Time-slice policy of the NVDEC engines.
    public var nvdecScheduler: any ContextScheduler
    /// User-mode admission of compute launches.
    public var launchGate: any LaunchGate
    /// Containers sharing one GPU context (MPS-like, or several streams of one process): the
    /// containers of a group are scheduled as the group's first member. Empty: one context each.
    public var sharedContexts: [[ContainerID]]
    /// Length of the run: workloads issue requests until then.
    public var duration: SimDuration
    /// After `duration`, keep simulating until every issued request has completed (as a
    /// measuring client does), at most `drainLimit` more.
    public var drainLimit: SimDuration
    /// Run seed (each workload draws from its own stream of it).
    public var seed: UInt64
    /// Length of the achieved-share windows reported for the token ledger.
    public var shareWindow: SimDuration
    /// Check model invariants after every event (on in debug and test builds by default).
    public var checkInvariants: Bool
    /// Record a ``TimelineEvent`` timeline of this window into ``SimulationResult/timeline`` (off by
    /// default; the results and the digest are the same either way).
    public var timelineWindow: Range<Instant>? = nil
    /// Record every request's latency into a mergeable ``LatencyHistogram`` per workload
    /// (``WorkloadResult/latencyBuckets``) instead of a latency CDF; on for node-model evaluations of
    /// cluster runs.
    public var recordLatencyBuckets: Bool = false
    /// Record ``SimulationResult/atDuration``, the measurement of exactly the configured window
    /// without the drain (off by default; the results and the digest are the same either way).
    public var snapshotAtDuration: Bool = false
    /// Where the measurement starts (a warm-up before it; zero: none). At this time the workloads'
    /// counts (issued, completed, dropped, throttled) and latencies start afresh, and
    /// ``SimulationResult/atDuration`` covers only `measureFrom ..< duration`; GPU totals, context
    /// switches and achieved shares still cover the whole run. Must be shorter than ``duration``.
    public var measureFrom: SimDuration = .zero
    /// The simulation budget: the run stops with ``SimulationBudgetExceeded`` after handling this many
    /// events (default ``InputLimits/defaultEventBudget``, or `COLOSIM_MAX_EVENTS` from the environment).
    public var eventBudget: UInt64 = SimulationBudgetExceeded.budgetInForce

    /// A bare-GPU configuration of `profile` running `containers` for `duration`.
    public init(profile: DeviceProfile, containers: [ContainerSpec], duration: SimDuration,
                seed: UInt64 = 1) {
        self.profile = profile
        self.containers = containers
        self.graphicsScheduler = NativeTimeSlicer(timeslice: profile.timeslice)
        self.nvencScheduler = SharedDomainScheduler()
        self.nvdecScheduler = SharedDomainScheduler()
        self.launchGate = PassThroughGate()
        self.sharedContexts = []
        self.duration = duration
        self.drainLimit = .zero
        self.seed = seed
        self.shareWindow = .milliseconds(100)
        #if DEBUG
        self.checkInvariants = true
        #else
        self.checkInvariants = false
        #endif
    }

    /// The scheduler of `domain`.
    public func scheduler(for domain: SliceDomain) -> any ContextScheduler {
        switch domain {
        case .graphics: return graphicsScheduler
        case .nvenc: return nvencScheduler
        case .nvdec: return nvdecScheduler
        }
    }
}
