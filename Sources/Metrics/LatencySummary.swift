import SimEngine

/// Latency statistics of one workload: count, mean, percentiles (HdrHistogram, 3 significant
/// digits) and maximum.
public struct LatencySummary: Sendable, Codable, Hashable {
    /// Requests measured.
    public var count: Int
    /// Mean latency (exact).
    public var mean: SimDuration
    /// Median.
    public var p50: SimDuration
    /// 90th percentile.
    public var p90: SimDuration
    /// 99th percentile.
    public var p99: SimDuration
    /// 99.9th percentile.
    public var p999: SimDuration
    /// Maximum (exact).
    public var max: SimDuration

    /// Creates a summary.
    public init(count: Int, mean: SimDuration, p50: SimDuration, p90: SimDuration, p99: SimDuration,
                p999: SimDuration, max: SimDuration) {
        self.count = count
        self.mean = mean
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.p999 = p999
        self.max = max
    }
}
