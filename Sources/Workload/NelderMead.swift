import CGSL

/// Derivative-free minimization with GSL's Nelder–Mead simplex (`gsl_multimin_fminimizer_nmsimplex2`;
/// GSL reference manual, "Multidimensional Minimization"; Nelder & Mead, Computer Journal 1965).
///
/// Used by `colosim calibrate fit` to fit device constants to measurements. The objective is a
/// plain Swift closure; GSL stays inside this module (DESIGN §2 licence note).
public enum NelderMead {
    /// The outcome of a minimization.
    public struct Result: Sendable {
        /// The best point found.
        public var point: [Double]
        /// The objective there.
        public var value: Double
        /// Iterations performed.
        public var iterations: Int
        /// Whether the simplex shrank below the tolerance.
        public var converged: Bool
    }

    private final class Box {
        let f: ([Double]) -> Double
        init(_ f: @escaping ([Double]) -> Double) { self.f = f }
    }

    /// Minimizes `f` from `start` with initial simplex steps `steps`, until the simplex size is
    /// below `tolerance` or `maxIterations` have run. Returns nil if GSL cannot allocate.
    public static func minimize(start: [Double], steps: [Double], tolerance: Double = 1e-3,
                                maxIterations: Int = 100, _ f: ([Double]) -> Double) -> Result? {
        let n = start.count
        guard n > 0, steps.count == n else { return nil }
        _ = gsl_set_error_handler_off()
        return withoutActuallyEscaping(f) { g -> Result? in
            let box = Box(g)
            let params = Unmanaged.passUnretained(box).toOpaque()
            var function = gsl_multimin_function(
                f: { v, p in
                    guard let v, let p else { return .nan }
                    let b = Unmanaged<Box>.fromOpaque(p).takeUnretainedValue()
                    var x = [Double](repeating: 0, count: v.pointee.size)
                    for i in x.indices { x[i] = gsl_vector_get(v, i) }
                    let y = b.f(x)
                    return y.isFinite ? y : .greatestFiniteMagnitude
                },
                n: n, params: params)
            guard let x = gsl_vector_alloc(n), let ss = gsl_vector_alloc(n) else { return nil }
            defer { gsl_vector_free(x); gsl_vector_free(ss) }
            for i in 0..<n {
                gsl_vector_set(x, i, start[i])
                gsl_vector_set(ss, i, steps[i])
            }
            guard let s = gsl_multimin_fminimizer_alloc(cgsl_multimin_nmsimplex2(), n) else { return nil }
            defer { gsl_multimin_fminimizer_free(s) }
            gsl_multimin_fminimizer_set(s, &function, x, ss)
            var iter = 0
            var converged = false
            while iter < maxIterations {
                iter += 1
                if gsl_multimin_fminimizer_iterate(s) != 0 { break }
                let size = gsl_multimin_fminimizer_size(s)
                if gsl_multimin_test_size(size, tolerance) == GSL_SUCCESS {
                    converged = true
                    break
                }
            }
            var best = [Double](repeating: 0, count: n)
            for i in 0..<n { best[i] = gsl_vector_get(s.pointee.x, i) }
            _ = box
            return Result(point: best, value: s.pointee.fval, iterations: iter, converged: converged)
        }
    }
}
