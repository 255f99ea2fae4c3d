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

extension ClusterLatencyModel {
    /// The standard normal quantile Φ⁻¹(p) (Acklam's rational approximation, relative error
    /// < 1.2·10⁻⁹; P. J. Acklam, "An algorithm for computing the inverse normal cumulative
    /// distribution function", 2003).
    public static func normalQuantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let p = min(max(p, 1e-300), 1 - 1e-16)
        let low = 0.02425
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - low {
            let q = (-2 * log(1 - p)).squareRoot()
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let q = p - 0.5
        let r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
