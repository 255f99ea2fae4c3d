import Histogram
import SimEngine

/// Streams request latencies into an HdrHistogram (3 significant digits) plus exact count, sum,
/// maximum and SLA hits: constant memory however many requests a run has (DESIGN §10).
public struct LatencyRecorder: Sendable {
    /// The histogram of latencies in nanoseconds.
    public private(set) var histogram: Histogram<UInt64>
    /// Latencies recorded.
    public private(set) var count: Int = 0
    /// Sum of recorded latencies in nanoseconds (exact).
    public private(set) var sumNanoseconds: Double = 0
    /// Largest latency recorded, in nanoseconds (exact).
    public private(set) var maxNanoseconds: Int64 = 0
    /// The SLA threshold, if any.
    public let sla: SimDuration?
    /// Latencies at or below the SLA.
    public private(set) var withinSLA: Int = 0

    /// Creates an empty recorder with an optional SLA threshold.
    public init(sla: SimDuration? = nil) {
        var h = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 1 << 40,
                                  numberOfSignificantValueDigits: .three)
        h.autoResize = true
        histogram = h
        self.sla = sla
    }

    /// Records one latency.
    public mutating func record(_ latency: SimDuration) {
        let ns = max(0, latency.nanoseconds)
        _ = histogram.record(UInt64(ns))
        count += 1
        sumNanoseconds += Double(ns)
        if ns > maxNanoseconds { maxNanoseconds = ns }
        if let sla, ns <= sla.nanoseconds { withinSLA += 1 }
    }

    /// The latency at `percentile` (0–100); zero when empty.
    public func percentile(_ percentile: Double) -> SimDuration {
        count == 0 ? .zero : SimDuration(nanoseconds: Int64(histogram.valueAtPercentile(percentile)))
    }

    /// The latency CDF at ``LatencyQuantile/cdfFractions`` (the last point is the exact maximum); empty
    /// when nothing was recorded. Values are HdrHistogram's (3 significant digits).
    public func cdf() -> [LatencyQuantile] {
        guard count > 0 else { return [] }
        return LatencyQuantile.cdfFractions.map { f in
            LatencyQuantile(fraction: f, latency: f >= 1 ? SimDuration(nanoseconds: maxNanoseconds) : percentile(f * 100))
        }
    }

    /// Count, mean, percentiles and maximum; nil when nothing was recorded.
    public func summary() -> LatencySummary? {
        guard count > 0 else { return nil }
        return LatencySummary(
            count: count, mean: SimDuration(nanoseconds: Int64((sumNanoseconds / Double(count)).rounded())),
            p50: percentile(50), p90: percentile(90), p99: percentile(99), p999: percentile(99.9),
            max: SimDuration(nanoseconds: maxNanoseconds))
    }

    /// Fraction of recorded latencies within the SLA; nil without an SLA or without records.
    public var slaAttainment: Double? {
        guard sla != nil, count > 0 else { return nil }
        return Double(withinSLA) / Double(count)
    }
}
