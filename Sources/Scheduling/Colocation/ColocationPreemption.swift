/// The facts behind a BE pod's preemption on one GPU (DESIGN §6), as the node model measured them
/// for the GPU's co-location state: how busy LS kept the GPU and what the BE pod got.
public struct ColocationPreemption: Sendable, Hashable {
    /// The LS pods on the GPU.
    public var lsPods: [Int]
    /// The isolation engine that preempted (`kernel-mode online-preempts-offline`, `user-mode` gating…).
    public var engine: String
    /// GPU utilization of the state.
    public var utilization: Double
    /// The BE pod's achieved compute share of the GPU.
    public var beComputeShare: Double
    /// The BE pod's progress, GPU seconds of full-speed work per second.
    public var beWorkPerSecond: Double
    /// Context switches on the SMs per second.
    public var switchesPerSecond: Double

    /// Creates the facts.
    public init(lsPods: [Int], engine: String, utilization: Double, beComputeShare: Double, beWorkPerSecond: Double,
                switchesPerSecond: Double) {
        self.lsPods = lsPods
        self.engine = engine
        self.utilization = utilization
        self.beComputeShare = beComputeShare
        self.beWorkPerSecond = beWorkPerSecond
        self.switchesPerSecond = switchesPerSecond
    }
}
