import SimEngine

/// Online inference with dynamic batching and the latency model of DESIGN §8.
///
/// Requests queue; a batch closes at `maxBatch` requests or `maxWait` after its first request,
/// whichever first, when the server is free (one batch in flight). A batch of b runs as one kernel
/// of work `α·b + β` able to use `f_knee(b) = min(1, b / kneeBatch)` of the SMs, so with a GPU share
/// f its time is `(α·b + β)·max(1, f_knee(b)/f)`, plus `hostTime` [ResNet-50 FP16 on V100: α 0.41 ms,
/// β 2.55 ms, 2045 img/s at b = 32, NVIDIA DeepLearningExamples]. `kneeBatch` is (L).
public struct InferenceSpec: Hashable, Codable, Sendable {
    /// Request arrivals.
    public var arrival: ArrivalSpec
    /// Largest batch.
    public var maxBatch: Int
    /// Longest a request waits for its batch to fill.
    public var maxWait: SimDuration
    /// Per-item GPU time α.
    public var alpha: SimDuration
    /// Fixed GPU time per batch β.
    public var beta: SimDuration
    /// Host time per batch (pre/post-processing), t_host.
    public var hostTime: SimDuration
    /// Batch size that fills the GPU (f_knee(b) = min(1, b / kneeBatch)).
    public var kneeBatch: Int
    /// DRAM-bandwidth fraction of the batch kernel.
    public var dramFraction: Double
    /// Thread blocks per batch item (user-mode token cost = this × b).
    public var blocksPerItem: Int
    /// Duration of one block of the batch kernel.
    public var blockDuration: SimDuration

    /// Creates an inference workload; defaults are ResNet-50 FP16 on a V100.
    public init(arrival: ArrivalSpec, maxBatch: Int = 32, maxWait: SimDuration = .milliseconds(5),
                alpha: SimDuration = .microseconds(410), beta: SimDuration = .microseconds(2550),
                hostTime: SimDuration = .zero, kneeBatch: Int = 32, dramFraction: Double = 0.3,
                blocksPerItem: Int = 80, blockDuration: SimDuration = .microseconds(100)) {
        self.arrival = arrival
        self.maxBatch = maxBatch
        self.maxWait = maxWait
        self.alpha = alpha
        self.beta = beta
        self.hostTime = hostTime
        self.kneeBatch = kneeBatch
        self.dramFraction = dramFraction
        self.blocksPerItem = blocksPerItem
        self.blockDuration = blockDuration
    }
}
