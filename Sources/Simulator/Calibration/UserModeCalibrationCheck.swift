/// One comparison of a user-mode replay: a measured figure of one container against the prediction.
public struct UserModeCalibrationCheck: Hashable, Sendable {
    /// Container name.
    public var container: String
    /// Figure: `throughput_per_s`, `p50_us`, `p99_us` or `allocated_mib`.
    public var figure: String
    /// Measured value.
    public var measured: Double
    /// Predicted value (nil: the simulation produced none, e.g. no request completed).
    public var predicted: Double?
    /// Standard error of the prediction over the replay's replications (nil with one replication).
    public var standardError: Double? = nil
    /// Largest absolute difference that still holds.
    public var tolerance: Double
    /// How the tolerance was set, e.g. `10% of measured` or `3% of solo 517.5`.
    public var rule: String

    /// Whether the prediction is within the tolerance.
    public var holds: Bool {
        guard let p = predicted else { return false }
        return abs(p - measured) <= tolerance
    }

    /// (predicted − measured) / measured; nil when either is missing or measured is 0.
    public var relativeError: Double? {
        guard let p = predicted, measured != 0 else { return nil }
        return (p - measured) / measured
    }

    /// The check of `figure` with the targets of issue 11 / DESIGN §9: throughput within
    /// max(10% of measured, 3% of the kernel's solo rate); LS p50 within 25%; p99 within 35% (60% when
    /// fewer than 1000 requests were measured); the allocation stop within 256 MiB (one chunk).
    public static func make(container: String, figure: String, measured: Double, predicted: Double?,
                            solo: Double?, n: Int?) -> UserModeCalibrationCheck {
        var tol: Double
        var rule: String
        switch figure {
        case "throughput_per_s":
            tol = 0.10 * measured
            rule = "10% of measured"
            if let s = solo, 0.03 * s > tol {
                tol = 0.03 * s
                rule = "3% of solo \(s)"
            }
        case "p50_us":
            tol = 0.25 * measured
            rule = "25%"
        case "p99_us":
            let small = (n ?? 0) < 1000
            tol = (small ? 0.60 : 0.35) * measured
            rule = small ? "60% (n < 1000)" : "35%"
        default:
            tol = 256
            rule = "256 MiB"
        }
        return UserModeCalibrationCheck(container: container, figure: figure, measured: measured, predicted: predicted,
                                        tolerance: tol, rule: rule)
    }
}
