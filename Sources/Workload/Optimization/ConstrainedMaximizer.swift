/// Maximizes an objective over a box subject to a feasibility constraint, with GSL's Nelder–Mead
/// simplex (``NelderMead``, `gsl_multimin_fminimizer_nmsimplex2`; Nelder & Mead, Computer Journal 7,
/// 1965) on a penalized objective.
///
/// The simplex minimizes −objective + `penalty` × violation; points outside the box are clamped into it
/// before evaluation and pay the distance as extra violation, so the search stays in the box. Every
/// evaluation is kept (the trade-off curve) and the best *feasible* point evaluated is returned, not
/// only the simplex's last vertex. Deterministic: no random restarts.
public enum ConstrainedMaximizer {
    /// What the caller's evaluation reports for one point.
    public struct Evaluation: Sendable, Hashable {
        /// The objective (larger is better).
        public var objective: Double
        /// How far the point is from feasible (0 = feasible, e.g. Σ max(0, p99/target − 1)).
        public var violation: Double

        /// Creates an evaluation.
        public init(objective: Double, violation: Double) {
            self.objective = objective
            self.violation = violation
        }
    }

    /// One evaluated point.
    public struct Sample: Sendable, Hashable {
        /// The point (inside the box).
        public var point: [Double]
        /// Its evaluation.
        public var evaluation: Evaluation
    }

    /// The outcome.
    public struct Result: Sendable {
        /// The best feasible sample, or nil when none was feasible.
        public var best: Sample?
        /// Every distinct point evaluated, in evaluation order.
        public var samples: [Sample]
        /// Simplex iterations.
        public var iterations: Int
        /// Whether the simplex converged (size below tolerance).
        public var converged: Bool
    }

    /// Maximizes `evaluate` from `start` in the box `lower`…`upper` (per coordinate).
    ///
    /// `step` is the initial simplex step as a fraction of each coordinate's range. Points are
    /// rounded to `resolution` before evaluation so the simulator is not asked for near-duplicates
    /// (repeats are answered from the cache). Returns nil on mismatched dimensions or when GSL fails.
    public static func maximize(start: [Double], lower: [Double], upper: [Double], step: Double = 0.25,
                                resolution: Double = 1e-3, penalty: Double = 1e3, tolerance: Double = 1e-3,
                                maxIterations: Int = 60,
                                _ evaluate: ([Double]) -> Evaluation) -> Result? {
        let n = start.count
        guard n > 0, lower.count == n, upper.count == n, zip(lower, upper).allSatisfy({ $0 < $1 }) else { return nil }
        var cache: [[Double]: Evaluation] = [:]
        var samples: [Sample] = []
        func clamp(_ x: [Double]) -> (point: [Double], outside: Double) {
            var out = 0.0
            let p = x.indices.map { i -> Double in
                let c = min(max(x[i], lower[i]), upper[i])
                out += abs(x[i] - c) / (upper[i] - lower[i])
                let r = (c / resolution).rounded() * resolution
                return min(max(r, lower[i]), upper[i])
            }
            return (p, out)
        }
        func penalized(_ x: [Double]) -> Double {
            let (p, outside) = clamp(x)
            let e: Evaluation
            if let c = cache[p] {
                e = c
            } else {
                e = evaluate(p)
                cache[p] = e
                samples.append(Sample(point: p, evaluation: e))
            }
            let objective = e.objective.isFinite ? e.objective : -penalty
            let violation = e.violation.isFinite ? max(0, e.violation) : penalty
            return -objective + penalty * (violation + outside)
        }
        let steps = (0..<n).map { step * (upper[$0] - lower[$0]) }
        guard let r = NelderMead.minimize(start: start, steps: steps, tolerance: tolerance,
                                          maxIterations: maxIterations, { penalized($0) }) else { return nil }
        _ = penalized(r.point)
        let best = samples.filter { $0.evaluation.violation <= 0 && $0.evaluation.objective.isFinite }
            .max { $0.evaluation.objective < $1.evaluation.objective }
        return Result(best: best, samples: samples, iterations: r.iterations, converged: r.converged)
    }
}
