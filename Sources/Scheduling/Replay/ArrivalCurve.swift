/// The FGD artifact's allocation-vs-arrival measure, computed the way its analysis scripts compute it.
///
/// hkust-adsl/kubernetes-scheduler-simulator `scripts/analysis.py` turns the `[Alloc]` log line printed
/// after every pod event into a row (used and arrived GPU milli), and
/// `experiments/analysis/merge_alloc_discrete.py` (pandas/numpy) derives, per row,
/// `arrive_ratio = round(arrived / total_gpus / 10, 0)` and `alloc_ratio = round(used / total_gpus / 10, 2)`
/// (numpy rounding: `rint(x · 10^d) / 10^d`, ties to even), then for each k = 0…130 the mean of
/// `alloc_ratio` over rows with `arrive_ratio == k` (else over rows with k − 1 ≤ arrive_ratio ≤ k + 1),
/// rounded to 2 decimals. The same floating-point operations are used here, including numpy's pairwise
/// summation for the mean, so the columns can be compared with the artifact's to the last digit.
public struct ArrivalCurve: Sendable {
    private let gpus: Double
    private var byPercent: [[Double]]

    /// A curve for a cluster of `gpus` GPUs recording arrival percentages 0…`maxPercent` + 1.
    public init(gpus: Int, maxPercent: Int) {
        self.gpus = Double(gpus)
        byPercent = Array(repeating: [], count: max(maxPercent, 0) + 2)
    }

    /// Records one pod event: `arrivedMilli` GPU milli arrived so far, `usedMilli` allocated.
    public mutating func record(arrivedMilli: Int, usedMilli: Int) {
        guard gpus > 0 else { return }
        let arrive = (Double(arrivedMilli) / gpus / 10).rounded(.toNearestOrEven)
        guard arrive >= 0, arrive < Double(byPercent.count) else { return }
        let alloc = (Double(usedMilli) / gpus / 10 * 100).rounded(.toNearestOrEven) / 100
        byPercent[Int(arrive)].append(alloc)
    }

    /// The curve: entry k is the mean allocation % of the events at k % arrival (or k ± 1), `nil` if none.
    public func values(maxPercent: Int) -> [Double?] {
        (0...max(maxPercent, 0)).map { k in
            var rows = k < byPercent.count ? byPercent[k] : []
            if rows.isEmpty {
                for j in max(0, k - 1)...min(byPercent.count - 1, k + 1) { rows += byPercent[j] }
            }
            guard !rows.isEmpty else { return nil }
            let mean = Self.pairwiseSum(rows[...]) / Double(rows.count)
            return (mean * 100).rounded(.toNearestOrEven) / 100
        }
    }

    /// numpy's pairwise summation of float64 (`pairwise_sum_DOUBLE`, block 128, 8 accumulators).
    static func pairwiseSum(_ a: ArraySlice<Double>) -> Double {
        let n = a.count
        let base = a.startIndex
        if n < 8 {
            var res = 0.0
            for x in a { res += x }
            return res
        }
        if n <= 128 {
            var r = (0..<8).map { a[base + $0] }
            var i = 8
            while i < n - (n % 8) {
                for j in 0..<8 { r[j] += a[base + i + j] }
                i += 8
            }
            var res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < n {
                res += a[base + i]
                i += 1
            }
            return res
        }
        var n2 = n / 2
        n2 -= n2 % 8
        return pairwiseSum(a[base..<(base + n2)]) + pairwiseSum(a[(base + n2)...])
    }
}
