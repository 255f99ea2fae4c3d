/// The latency distribution of one latency-sensitive workload and its SLA target.
public struct LatencyCDF: Codable, Sendable, Hashable {
    /// One point of an empirical CDF: `fraction` of requests finished within `latencyMs`.
    public struct Point: Codable, Sendable, Hashable {
        /// Latency in milliseconds.
        public var latencyMs: Double
        /// Cumulative fraction of requests in [0, 1].
        public var fraction: Double

        /// Creates a CDF point.
        public init(latencyMs: Double, fraction: Double) {
            self.latencyMs = latencyMs
            self.fraction = fraction
        }
    }

    /// Workload name (matches ``WorkloadMetrics/name``).
    public var workload: String
    /// SLA latency target in milliseconds, if the workload has one.
    public var slaTargetMs: Double?
    /// The percentile the SLA is stated at, as a fraction (0.99 for p99).
    public var slaQuantile: Double
    /// CDF points, in increasing latency.
    public var points: [Point]

    /// Creates a latency CDF.
    public init(workload: String, slaTargetMs: Double? = nil, slaQuantile: Double = 0.99, points: [Point]) {
        self.workload = workload
        self.slaTargetMs = slaTargetMs
        self.slaQuantile = slaQuantile
        self.points = points
    }

    enum CodingKeys: String, CodingKey {
        case workload, slaTargetMs, slaQuantile, points
    }

    /// Decodes a CDF; `slaTargetMs` may be omitted (no SLA) and `slaQuantile` defaults to 0.99.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        workload = try c.decode(String.self, forKey: .workload)
        slaTargetMs = try c.decodeIfPresent(Double.self, forKey: .slaTargetMs)
        slaQuantile = try c.decodeIfPresent(Double.self, forKey: .slaQuantile) ?? 0.99
        points = try c.decode([Point].self, forKey: .points)
    }
}
