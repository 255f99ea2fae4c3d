/// What a multi-scheduler run measured.
public struct ClusterMultiSchedulerResult: Sendable {
    /// Per scheduler.
    public struct Scheduler: Sendable {
        /// Name and policy.
        public var name: String
        public var policy: String
        /// Pods that named it.
        public var arrived: Int
        /// Pods it bound.
        public var bound: Int
        /// Binds the API server refused (each retried).
        public var conflicts: Int
        /// Cycles that found no node.
        public var unschedulableCycles: Int
        /// Mean time from arrival to bind of its pods, seconds.
        public var meanBindDelay: Double
    }
    /// Per scheduler.
    public var schedulers: [Scheduler]
    /// GPUs in the cluster.
    public var gpuCount: Int
    /// Mean over time of GPUs with any allocation, and the most at once.
    public var gpusUsedMean: Double
    public var gpusUsedPeak: Int
    /// Mean allocated fraction of the cluster's GPU capacity.
    public var allocationRatio: Double
    /// Mean allocated fraction of the GPUs in use.
    public var allocationOnUsed: Double
    /// Pods still waiting at the end.
    public var pending: Int
    /// Mean cluster fragmentation over time, in GPUs (FGD's F = Σ_n F_n over the pods' typical
    /// shapes, Weng et al. ATC'23, computed by the place engineer's `FragmentationModel`).
    public var fragmentationMean: Double
    /// FNV-1a 64 digest of the bind trace.
    public var digest: String
    /// Simulated span, seconds.
    public var duration: Double

    /// All refused binds.
    /// With `explain` on: the first N decisions of each kind, in time order.
    public var decisions: [ClusterMultiSchedulerDecision] = []
    /// With `explain` on: how many decisions of each (selected) kind the run made.
    public var decisionCounts: [ClusterMultiSchedulerDecision.Kind: Int] = [:]

    public var conflicts: Int { schedulers.reduce(0) { $0 + $1.conflicts } }
}
