import Foundation

/// Batched inference latency L(b, f) = t_host + (α·b + β)·max(1, f_knee(b)/f), f_knee(b) =
/// min(1, b / kneeBatch) [DESIGN §8; ResNet-50 FP16 on V100: α 0.41 ms, β 2.55 ms, 2045 img/s at
/// b = 32, NVIDIA DeepLearningExamples], with the same parameters as the single-GPU simulator's
/// `InferenceSpec` so the two models agree on one request's cost.
public struct ClusterLatencyModel: Sendable, Hashable {
    /// Per-item GPU time, seconds.
    public var alpha: Double
    /// Per-batch GPU time, seconds.
    public var beta: Double
    /// Host-side time per request, seconds.
    public var hostTime: Double
    /// Batch size that fills the GPU.
    public var kneeBatch: Double
    /// Largest batch.
    public var maxBatch: Int

    /// Creates a model (defaults: ResNet-50 FP16 on V100).
    public init(alpha: Double = 0.41e-3, beta: Double = 2.55e-3, hostTime: Double = 0, kneeBatch: Double = 32,
                maxBatch: Int = 32) {
        self.alpha = alpha
        self.beta = beta
        self.hostTime = hostTime
        self.kneeBatch = kneeBatch
        self.maxBatch = maxBatch
    }

    /// GPU time of a batch of `b` with SM share `f`, slowed by `slowdown`.
    @inline(__always)
    public func batchTime(_ b: Double, smShare f: Double = 1, slowdown: Double = 1) -> Double {
        (alpha * b + beta) * max(1, min(1, b / kneeBatch) / max(f, 1e-9)) * slowdown
    }

    /// Requests/s one replica serves at full batch with the GPU to itself.
    public var peakThroughput: Double { Double(maxBatch) / batchTime(Double(maxBatch)) }

    /// The load (requests/s) at which one replica on a GPU of its own shows duty cycle `u` < 1
    /// (batch 1: duty = λ·L(1)); a duty of 1 maps to the greedy-batching limit 1/L(1).
    public func load(forDuty u: Double) -> Double { max(0, min(1, u)) / batchTime(1) }
}
