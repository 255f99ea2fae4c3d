import Foundation

/// A streaming latency histogram with weighted counts: log-spaced buckets 1% wide from 10 µs to
/// 10 000 s, so memory stays fixed however many requests a run serves (DESIGN §10).
public struct ClusterLatencyHistogram: Sendable, Hashable {
    static let lowest = 1e-5
    static let growth = 1.01
    static let bucketCount = 2100
    private var counts: [Double]
    /// Total weight recorded.
    public private(set) var total: Double = 0
    /// Weight recorded at or under the SLA target given at creation.
    public private(set) var withinTarget: Double = 0
    /// The SLA target, seconds.
    public let target: Double

    /// An empty histogram counting requests within `target` seconds.
    public init(target: Double) {
        counts = Array(repeating: 0, count: Self.bucketCount)
        self.target = target
    }

    static func bucket(_ v: Double) -> Int {
        guard v > lowest else { return 0 }
        let i = Int(log(v / lowest) / log(growth)) + 1
        return min(bucketCount - 1, max(0, i))
    }

    /// The upper edge of bucket `i`.
    static func upper(_ i: Int) -> Double { lowest * pow(growth, Double(i)) }

    /// Records `weight` requests of latency `value` seconds.
    public mutating func record(_ value: Double, weight: Double) {
        guard weight > 0 else { return }
        counts[Self.bucket(value)] += weight
        total += weight
        if value <= target { withinTarget += weight }
    }

    /// Records `weight` requests that were offered but never served (their replica had no GPU).
    ///
    /// They count as outside the SLA target and sit in the top bucket (latency beyond the
    /// histogram's 10 000 s range), so a service that drops more than 1% of its requests has a
    /// p99 far above any target.
    public mutating func recordUnserved(weight: Double) {
        guard weight > 0 else { return }
        counts[Self.bucketCount - 1] += weight
        total += weight
    }

    /// The `q` quantile (0...1), as its bucket's upper edge (≤ 1% high), or 0 when empty.
    public func quantile(_ q: Double) -> Double {
        guard total > 0 else { return 0 }
        let want = q * total
        var acc = 0.0
        for (i, c) in counts.enumerated() {
            acc += c
            if acc >= want && c > 0 { return Self.upper(i) }
        }
        return Self.upper(Self.bucketCount - 1)
    }

    /// The quantiles at `fractions` (each as in ``quantile(_:)``) in one pass; empty when nothing was recorded.
    /// `fractions` must be increasing.
    public func quantiles(_ fractions: [Double]) -> [Double] {
        guard total > 0 else { return [] }
        var out: [Double] = []
        out.reserveCapacity(fractions.count)
        var acc = 0.0, k = 0
        for (i, c) in counts.enumerated() where c > 0 {
            acc += c
            while k < fractions.count, acc >= fractions[k] * total {
                out.append(Self.upper(i))
                k += 1
            }
        }
        while out.count < fractions.count { out.append(Self.upper(Self.bucketCount - 1)) }
        return out
    }

    /// Fraction of requests within the target (1 when empty).
    public var attainment: Double { total > 0 ? withinTarget / total : 1 }
}
