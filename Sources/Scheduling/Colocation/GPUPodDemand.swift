import ColoModel

/// What one pod on a GPU wants during the next step of a cluster run.
public struct GPUPodDemand: Sendable, Hashable {
    /// The pod.
    public var pod: Int
    /// LS or BE.
    public var priorityClass: PriorityClass
    /// Fraction of the step it wants to run, at full availability (0...1).
    public var demand: Double
    /// SM fraction its kernels can use (for SM-time and SM-time quotas), 0...1.
    public var smFraction: Double
    /// Compute quota as a fraction of the GPU (1 = none).
    public var quota: Double
    /// Time-slice weight.
    public var weight: Double
    /// DRAM-bandwidth fraction of its kernels (cache-interference term, DESIGN §4).
    public var dramFraction: Double
    /// Busy periods the pod starts per second (LS: how often it wakes up, used to count preemptions).
    public var activationsPerSecond: Double

    /// Creates a demand.
    public init(pod: Int, priorityClass: PriorityClass, demand: Double, smFraction: Double = 1, quota: Double = 1,
                weight: Double = 1, dramFraction: Double = 0.3, activationsPerSecond: Double = 0) {
        self.pod = pod
        self.priorityClass = priorityClass
        self.demand = demand
        self.smFraction = smFraction
        self.quota = quota
        self.weight = weight
        self.dramFraction = dramFraction
        self.activationsPerSecond = activationsPerSecond
    }
}
