/// The facts behind a BE pod's preemption on one GPU for a step (priority arbitration, DESIGN §6).
public struct ColocationPreemption: Sendable, Hashable {
    /// The LS pods on the GPU.
    public var lsPods: [Int]
    /// Fraction of the step LS runs (`1 − Π(1 − duty)` over the LS pods).
    public var lsDuty: Double
    /// LS busy periods started per second: each one that finds BE running preempts it.
    public var lsWakeupsPerSecond: Double
    /// Fraction of the step the BE pod wants.
    public var beDemand: Double
    /// Fraction of the step it gets (after the progress lost to preemptions).
    public var beDuty: Double
    /// Other BE pods sharing what LS leaves.
    public var otherBEPods: Int
    /// Preemptions of this pod per second.
    public var preemptionsPerSecond: Double
    /// GPU seconds of its progress lost per second.
    public var lostWorkPerSecond: Double
    /// The longest wait of an LS request for the preemption, seconds.
    public var lsMaxWait: Double

    /// Creates the facts.
    public init(lsPods: [Int], lsDuty: Double, lsWakeupsPerSecond: Double, beDemand: Double, beDuty: Double,
                otherBEPods: Int, preemptionsPerSecond: Double, lostWorkPerSecond: Double, lsMaxWait: Double) {
        self.lsPods = lsPods
        self.lsDuty = lsDuty
        self.lsWakeupsPerSecond = lsWakeupsPerSecond
        self.beDemand = beDemand
        self.beDuty = beDuty
        self.otherBEPods = otherBEPods
        self.preemptionsPerSecond = preemptionsPerSecond
        self.lostWorkPerSecond = lostWorkPerSecond
        self.lsMaxWait = lsMaxWait
    }
}
