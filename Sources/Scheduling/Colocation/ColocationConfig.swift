/// Parameters shared by the co-location policies. Defaults are (L) unless a source is given.
public struct ColocationConfig: Sendable, Hashable {
    /// GPUs in the cluster (indexed 0..<gpuCount).
    public var gpuCount: Int
    /// Device memory per GPU, MiB [V100 16 GB].
    public var gpuMemoryMiB: Int
    /// Most pods on one GPU [qGPU: 16 instances per GPU, DESIGN §5].
    public var maxPodsPerGPU: Int
    /// Most BE pods placed beside the LS pod of one GPU (preemptive, time-sliced).
    public var maxBEPerGPU: Int
    /// How long an LS launch waits when BE work holds the GPU under `preemptive`, seconds
    /// (kernel-mode online-preempts-offline: a ≈25 µs context switch + ≈50 µs preemption, DESIGN §4–§5).
    public var preemptionLatency: Double
    /// BE GPU time lost per preemption, seconds (the preempted slice's saved-and-restored state).
    public var preemptionLoss: Double
    /// Kernel-mode time-slice period, seconds (20 × 2 ms, DESIGN §5, L).
    public var slicePeriod: Double
    /// Context-switch cost, seconds [Spliet & Mullins, OSPERT'18: ≈25 µs].
    public var switchCost: Double
    /// Cache-interference coefficient κ of co-running kernels (DESIGN §4, L).
    public var cacheKappa: Double
    /// Tidal: the autoscaled services.
    public var tidalServices: [TidalService]
    /// `shared`: whether pods' kernels co-run (MPS); without it the driver time-slices their
    /// contexts (DESIGN §4).
    public var mps: Bool = false
    /// The native driver's timeslice between contexts, seconds (V100 2 ms, DESIGN §4, L).
    public var nativeTimeslice: Double = 0.002

    /// Creates a configuration.
    public init(gpuCount: Int, gpuMemoryMiB: Int = 16 * 1024, maxPodsPerGPU: Int = 16, maxBEPerGPU: Int = 2,
                preemptionLatency: Double = 75e-6, preemptionLoss: Double = 75e-6, slicePeriod: Double = 0.040,
                switchCost: Double = 25e-6, cacheKappa: Double = 0.15, tidalServices: [TidalService] = []) {
        self.gpuCount = gpuCount
        self.gpuMemoryMiB = gpuMemoryMiB
        self.maxPodsPerGPU = maxPodsPerGPU
        self.maxBEPerGPU = maxBEPerGPU
        self.preemptionLatency = preemptionLatency
        self.preemptionLoss = preemptionLoss
        self.slicePeriod = slicePeriod
        self.switchCost = switchCost
        self.cacheKappa = cacheKappa
        self.tidalServices = tidalServices
    }
}
