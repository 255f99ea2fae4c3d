/// The densest packing that keeps a run feasible: the most LS pods per GPU (a pod's milli-GPU
/// `1000 / k`), found by binary search over `k`.
///
/// Assumes feasibility falls with density (more pods per GPU never shortens a p99 that fewer pods
/// kept); the result carries the runs at the answer `k` and at `k + 1` as evidence that the next
/// density breaks, as ``CapacitySearch`` carries N and N − 1.
public enum DensitySearch {
    /// The milli-GPU of each of `podsPerGPU` pods sharing one GPU: ⌊1000 / k⌋.
    /// - Complexity: O(1).
    public static func milli(podsPerGPU k: Int) -> Int { 1000 / max(1, k) }

    /// Searches `range` (pods per GPU) for the largest `k` where `evaluate` reports feasible.
    ///
    /// Evaluates the bottom of the range first (nil when even that is infeasible), then bisects, and
    /// finally makes sure `k + 1` was evaluated when it is in the range.
    /// - Complexity: ⌈log₂ n⌉ + 2 evaluations for a range of n densities.
    public static func densest<E: Sendable>(in range: ClosedRange<Int>,
                                            _ evaluate: (Int) throws -> (feasible: Bool, evidence: E)) rethrows
        -> CapacitySearch.Result<E> {
        var seen: [Int: (Bool, E)] = [:]
        func probe(_ k: Int) throws -> Bool {
            if let s = seen[k] { return s.0 }
            let r = try evaluate(k)
            seen[k] = (r.feasible, r.evidence)
            return r.feasible
        }
        var answer: Int?
        if try probe(range.lowerBound) {
            var lo = range.lowerBound, hi = range.upperBound  // lo feasible; answer in [lo, hi]
            while lo < hi {
                let mid = lo + (hi - lo + 1) / 2
                if try probe(mid) { lo = mid } else { hi = mid - 1 }
            }
            answer = lo
            if lo < range.upperBound { _ = try probe(lo + 1) }
        }
        let evaluated = seen.keys.sorted().compactMap { k in seen[k].map { (count: k, feasible: $0.0, evidence: $0.1) } }
        return CapacitySearch.Result(count: answer, evaluated: evaluated)
    }
}
