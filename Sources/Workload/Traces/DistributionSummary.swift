/// Count, mean, median, 90th/99th percentile, minimum and maximum of a sample.
///
/// Percentiles interpolate linearly between order statistics (the "linear" / type-7 rule of
/// Hyndman & Fan 1996, numpy's default), so they match `numpy.percentile`.
public struct DistributionSummary: Sendable, Equatable {
    /// Sample size.
    public var count: Int
    /// Arithmetic mean.
    public var mean: Double
    /// 50th percentile.
    public var median: Double
    /// 90th percentile.
    public var p90: Double
    /// 99th percentile.
    public var p99: Double
    /// Smallest value.
    public var minimum: Double
    /// Largest value.
    public var maximum: Double

    /// Summarizes `values`; nil when empty.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = sorted.count
        mean = sorted.reduce(0, +) / Double(sorted.count)
        median = Self.percentile(sorted, 0.5)
        p90 = Self.percentile(sorted, 0.9)
        p99 = Self.percentile(sorted, 0.99)
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
    }

    /// The `q`-quantile (0…1) of an ascending `sorted` array, linear interpolation.
    public static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        let h = Double(sorted.count - 1) * q
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (h - Double(lo))
    }
}
