/// One explained decision of a multi-scheduler run (`colosim run MULTI.yaml --explain N`).
public struct ClusterMultiSchedulerDecision: Sendable, Hashable {
    /// What happened to the pod.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
        /// The scheduler's bind reached the shared cluster and was committed.
        case bind
        /// The bind was rejected: the node changed since the scheduler's view (optimistic concurrency).
        case conflict
        /// No node in the scheduler's view fits the pod; it waits for the backoff.
        case unschedulable

        /// The names `--explain-kind` accepts.
        public static var names: [String] { allCases.map(\.rawValue) }

        /// Declaration order.
        public static func < (a: Kind, b: Kind) -> Bool {
            (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
        }
    }

    /// Simulated time, seconds.
    public var time: Double
    /// Kind of decision.
    public var kind: Kind
    /// The scheduler that decided.
    public var scheduler: String
    /// Pod id (arrival order).
    public var pod: Int
    /// The pod's class in the scenario.
    public var podClass: String
    /// The node the bind named (nil for unschedulable).
    public var node: String?
    /// GPU indices on that node.
    public var gpus: [Int]
    /// Why, with the numbers behind it.
    public var reason: String

    /// Creates a decision.
    public init(time: Double, kind: Kind, scheduler: String, pod: Int, podClass: String, node: String?,
                gpus: [Int], reason: String) {
        self.time = time
        self.kind = kind
        self.scheduler = scheduler
        self.pod = pod
        self.podClass = podClass
        self.node = node
        self.gpus = gpus
        self.reason = reason
    }
}
