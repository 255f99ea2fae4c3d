/// The fewest resources (GPUs) that make a run feasible, by binary search over a count.
///
/// Assumes feasibility is monotone in the count (more GPUs never breaks an SLA that fewer GPUs kept);
/// the caller checks the answer with the evidence runs at N and N − 1 (``Result/evidence``).
public enum CapacitySearch {
    /// The outcome of a search.
    public struct Result<Evidence: Sendable>: Sendable {
        /// The fewest feasible count, or nil when even the largest count is infeasible.
        public var count: Int?
        /// Every count evaluated, with its evidence and feasibility, in increasing count.
        public var evaluated: [(count: Int, feasible: Bool, evidence: Evidence)]

        /// Creates an outcome.
        public init(count: Int?, evaluated: [(count: Int, feasible: Bool, evidence: Evidence)]) {
            self.count = count
            self.evaluated = evaluated
        }
    }

    /// Searches `range` for the smallest count where `evaluate` reports feasible.
    ///
    /// Evaluates the top of the range first, then bisects (⌈log₂ n⌉ + 1 evaluations), and finally makes
    /// sure the count just below the answer was evaluated, so the result always carries the evidence
    /// at N and N − 1 (when N − 1 is in the range).
    public static func fewest<E: Sendable>(in range: ClosedRange<Int>,
                                           _ evaluate: (Int) throws -> (feasible: Bool, evidence: E)) rethrows -> Result<E> {
        var seen: [Int: (Bool, E)] = [:]
        func probe(_ n: Int) throws -> Bool {
            if let s = seen[n] { return s.0 }
            let r = try evaluate(n)
            seen[n] = (r.feasible, r.evidence)
            return r.feasible
        }
        var answer: Int?
        if try probe(range.upperBound) {
            var lo = range.lowerBound, hi = range.upperBound  // hi feasible; answer in [lo, hi]
            while lo < hi {
                let mid = lo + (hi - lo) / 2
                if try probe(mid) { hi = mid } else { lo = mid + 1 }
            }
            answer = hi
            if hi > range.lowerBound { _ = try probe(hi - 1) }
        }
        let evaluated = seen.keys.sorted().compactMap { n in seen[n].map { (count: n, feasible: $0.0, evidence: $0.1) } }
        return Result(count: answer, evaluated: evaluated)
    }
}
