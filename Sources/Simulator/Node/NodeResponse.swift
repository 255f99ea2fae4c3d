/// What the node model measured for one GPU co-location state, per second of simulated time: the
/// response the cluster reads for every stretch of time the GPU spends in that state (DESIGN §11).
public struct NodeResponse: Sendable, Hashable, Codable {
    /// One pod's measurements, in the state's pod order.
    public struct Pod: Sendable, Hashable, Codable {
        /// Requests (items, frames) offered per second.
        public var offeredPerSecond: Double
        /// Requests completed per second.
        public var servedPerSecond: Double
        /// Requests completed within the pod's SLA per second.
        public var withinSLAPerSecond: Double
        /// Frames dropped (queue full) per second.
        public var droppedPerSecond: Double
        /// The measured latency of every completed request (counts as measured over the window).
        public var latency: LatencyBuckets
        /// BE progress: GPU seconds of full-speed work completed per second.
        public var workPerSecond: Double
        /// Achieved share of the GPU's compute (SM) time.
        public var computeShare: Double
        /// Launch attempts the user-mode gate deferred, per second.
        public var throttledPerSecond: Double
    }

    /// Per pod.
    public var pods: [Pod]
    /// Fraction of time any kernel or render work ran (NVML utilization.gpu).
    public var utilization: Double
    /// Mean fraction of the SMs occupied.
    public var smUtilization: Double
    /// Context switches on the SMs per second.
    public var contextSwitchesPerSecond: Double
    /// Simulated seconds the evaluation covered.
    public var window: Double
    /// Events the evaluation handled.
    public var events: UInt64
}
