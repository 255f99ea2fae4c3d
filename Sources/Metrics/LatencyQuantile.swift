import SimEngine

/// One point of a latency CDF: `fraction` of requests finished within `latency`.
public struct LatencyQuantile: Sendable, Codable, Hashable {
    /// Cumulative fraction of requests, in (0, 1].
    public var fraction: Double
    /// The latency at that fraction.
    public var latency: SimDuration

    /// Creates a point.
    public init(fraction: Double, latency: SimDuration) {
        self.fraction = fraction
        self.latency = latency
    }

    /// The fractions a recorded CDF is sampled at: 0.01 … 0.99 in steps of 0.01, then 0.995, 0.999 and 1
    /// (102 points: fine in the body, denser in the tail where SLAs live).
    public static let cdfFractions: [Double] = (1...99).map { Double($0) / 100 } + [0.995, 0.999, 1]
}
