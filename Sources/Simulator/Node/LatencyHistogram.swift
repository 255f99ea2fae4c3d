import Foundation

/// A latency histogram with weighted counts on fixed log-spaced buckets (1 % wide, 1 µs to
/// 10 000 s): memory stays fixed however many requests a run serves (DESIGN §10), and histograms of
/// different GPUs, steps and states add up exactly, so run percentiles are those of the true
/// mixture of every request (DESIGN §11), never a sum or mean of quantiles.
///
/// Quantiles are bucket upper edges: at most 1 % above the exact value.
public struct LatencyHistogram: Sendable, Hashable {
    /// The lower edge of bucket 1, seconds (bucket 0 holds everything below).
    public static let lowest = 1e-6
    /// Ratio of consecutive bucket edges.
    public static let growth = 1.01
    /// Number of buckets (the top one ends above 10 000 s).
    public static let bucketCount = 2550
    static let logGrowth = log(growth)

    private var counts: [Double]
    /// Total weight recorded.
    public private(set) var total: Double = 0

    /// An empty histogram.
    public init() { counts = Array(repeating: 0, count: Self.bucketCount) }

    /// The bucket of `seconds`. O(1).
    @inline(__always)
    public static func bucket(_ seconds: Double) -> Int {
        guard seconds > lowest else { return 0 }
        let x = log(seconds / lowest) / logGrowth
        guard x.isFinite, x < Double(bucketCount - 2) else { return bucketCount - 1 }
        return Int(x) + 1
    }

    /// The upper edge of bucket `i`, seconds.
    public static func upper(_ i: Int) -> Double { lowest * pow(growth, Double(i)) }

    /// Records `weight` requests of latency `seconds`.
    public mutating func record(_ seconds: Double, weight: Double = 1) {
        guard weight > 0 else { return }
        counts[Self.bucket(seconds)] += weight
        total += weight
    }

    /// Adds `buckets` with every count multiplied by `scale`. O(buckets).
    public mutating func add(_ buckets: LatencyBuckets, scale: Double = 1) {
        guard scale > 0 else { return }
        for (i, c) in zip(buckets.indices, buckets.counts) where Int(i) < counts.count {
            counts[Int(i)] += c * scale
            total += c * scale
        }
    }

    /// Adds another histogram.
    public mutating func add(_ other: LatencyHistogram) {
        for i in counts.indices { counts[i] += other.counts[i] }
        total += other.total
    }

    /// The `q` quantile (0...1), as its bucket's upper edge, or 0 when empty.
    public func quantile(_ q: Double) -> Double { quantiles([q]).first ?? 0 }

    /// The quantiles at increasing `fractions` in one pass; empty when nothing was recorded.
    public func quantiles(_ fractions: [Double]) -> [Double] {
        guard total > 0 else { return [] }
        var out: [Double] = []
        out.reserveCapacity(fractions.count)
        var acc = 0.0, k = 0
        for (i, c) in counts.enumerated() where c > 0 {
            acc += c
            while k < fractions.count, acc >= fractions[k] * total * (1 - 1e-12) {
                out.append(Self.upper(i))
                k += 1
            }
        }
        while out.count < fractions.count { out.append(Self.upper(Self.bucketCount - 1)) }
        return out
    }

    /// Weight recorded at or below `seconds` (bucket resolution).
    public func weight(atMost seconds: Double) -> Double {
        let b = Self.bucket(seconds)
        var s = 0.0
        for i in 0...min(b, counts.count - 1) { s += counts[i] }
        return s
    }

    /// The sparse form (non-empty buckets only).
    public var sparse: LatencyBuckets {
        var idx: [UInt16] = []
        var cs: [Double] = []
        for (i, c) in counts.enumerated() where c > 0 {
            idx.append(UInt16(truncatingIfNeeded: i))
            cs.append(c)
        }
        return LatencyBuckets(indices: idx, counts: cs)
    }
}

/// The non-empty buckets of a ``LatencyHistogram``: what a node evaluation returns and the response
/// cache stores.
public struct LatencyBuckets: Sendable, Hashable, Codable {
    /// Bucket indices, increasing.
    public var indices: [UInt16]
    /// Counts, one per index.
    public var counts: [Double]

    /// Creates sparse buckets.
    public init(indices: [UInt16] = [], counts: [Double] = []) {
        self.indices = indices
        self.counts = counts
    }

    /// Total count.
    public var total: Double { counts.reduce(0, +) }

    /// The `q` quantile, seconds (bucket upper edge), or 0 when empty.
    public func quantile(_ q: Double) -> Double {
        let t = total
        guard t > 0 else { return 0 }
        var acc = 0.0
        for (i, c) in zip(indices, counts) {
            acc += c
            if acc >= q * t * (1 - 1e-12) { return LatencyHistogram.upper(Int(i)) }
        }
        return LatencyHistogram.upper(Int(indices.last ?? 0))
    }
}
