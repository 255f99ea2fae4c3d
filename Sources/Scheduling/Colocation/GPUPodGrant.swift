/// What the co-location policy grants one pod on a GPU for the next step.
public struct GPUPodGrant: Sendable, Hashable {
    /// The pod.
    public var pod: Int
    /// The most of the step it may run (0...1): throughput beyond this is throttled.
    public var availability: Double
    /// The fraction of the step it actually runs, `min(demand, availability)`.
    public var duty: Double
    /// Slowdown of its kernels from co-running work (≥ 1).
    public var slowdown: Double
    /// Probability that one of its requests finds the GPU held by another pod and must wait.
    public var waitProbability: Double
    /// The longest such wait, seconds (the wait is uniform on [0, maxWait]).
    public var maxWait: Double
    /// Preemptions of BE work caused per second (counted on the BE pod that loses them).
    public var preemptionsPerSecond: Double
    /// GPU seconds of BE progress lost per second to those preemptions.
    public var lostWorkPerSecond: Double

    /// Creates a grant.
    public init(pod: Int, availability: Double, duty: Double, slowdown: Double = 1, waitProbability: Double = 0,
                maxWait: Double = 0, preemptionsPerSecond: Double = 0, lostWorkPerSecond: Double = 0) {
        self.pod = pod
        self.availability = availability
        self.duty = duty
        self.slowdown = slowdown
        self.waitProbability = waitProbability
        self.maxWait = maxWait
        self.preemptionsPerSecond = preemptionsPerSecond
        self.lostWorkPerSecond = lostWorkPerSecond
    }
}
