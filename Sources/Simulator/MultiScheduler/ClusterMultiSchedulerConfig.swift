import ColoModel
import Scheduling

/// A run of several schedulers sharing one cluster (``Scheduling/MultiScheduler``).
public struct ClusterMultiSchedulerConfig: Sendable {
    /// One scheduler.
    public struct SchedulerConfig: Sendable {
        /// Its name.
        public var name: String
        /// Its placement policy.
        public var policy: PlacementPolicyKind
        /// Time per scheduling cycle (one pod), seconds.
        public var cycle: Double
        /// How often its view is refreshed from the API server, seconds.
        public var syncInterval: Double
        /// Time from decision to the bind reaching the API server, seconds.
        public var bindLatency: Double

        /// Creates a scheduler description.
        public init(name: String, policy: PlacementPolicyKind, cycle: Double = 0.005, syncInterval: Double = 1,
                    bindLatency: Double = 0.02) {
            self.name = name
            self.policy = policy
            self.cycle = cycle
            self.syncInterval = syncInterval
            self.bindLatency = bindLatency
        }
    }

    /// A stream of pods of one shape.
    public struct PodClass: Sendable {
        /// The request (its `schedulerName` picks the scheduler).
        public var request: PodRequest
        /// Poisson arrival rate, pods per second.
        public var rate: Double
        /// Mean (exponential) lifetime once bound, seconds.
        public var meanLifetime: Double

        /// Creates a pod class.
        public init(request: PodRequest, rate: Double, meanLifetime: Double) {
            self.request = request
            self.rate = rate
            self.meanLifetime = meanLifetime
        }
    }

    /// The nodes.
    public var nodes: [NodeSpec]
    /// The schedulers.
    public var schedulers: [SchedulerConfig]
    /// The pod streams.
    public var podClasses: [PodClass]
    /// Simulated span, seconds.
    public var duration: Double
    /// Wait before retrying a pod no node could take, seconds.
    public var unschedulableBackoff: Double
    /// Seed of the arrival, lifetime and tie-break streams.
    public var seed: UInt64
    /// Explain the first `explain` decisions of each kind (0: off); see ``ClusterMultiSchedulerDecision``.
    public var explain = 0
    /// With ``explain``: only these kinds (nil: all).
    public var explainKinds: Set<ClusterMultiSchedulerDecision.Kind>?

    /// Creates a configuration.
    public init(nodes: [NodeSpec], schedulers: [SchedulerConfig], podClasses: [PodClass], duration: Double,
                unschedulableBackoff: Double = 1, seed: UInt64 = 1) {
        self.nodes = nodes
        self.schedulers = schedulers
        self.podClasses = podClasses
        self.duration = duration
        self.unschedulableBackoff = unschedulableBackoff
        self.seed = seed
    }
}
