/// A policy's arbitration of one GPU for one step: per-pod grants and the GPU's own activity.
public struct GPUStepGrants: Sendable, Hashable {
    /// The GPU.
    public var gpu: Int
    /// One grant per demand, in the demands' order.
    public var grants: [GPUPodGrant]
    /// Fraction of the step during which any kernel runs (nvidia-smi "utilization", the duty cycle).
    public var dutyCycle: Double
    /// SM-time: the mean fraction of SMs busy over the step.
    public var smTime: Double

    /// Creates a GPU step result.
    public init(gpu: Int, grants: [GPUPodGrant], dutyCycle: Double, smTime: Double) {
        self.gpu = gpu
        self.grants = grants
        self.dutyCycle = dutyCycle
        self.smTime = smTime
    }
}
