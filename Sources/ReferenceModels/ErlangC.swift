#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The analytic M/M/c answer (Erlang C), computed exactly as `mmc_analytic` in
/// `../shared/reference/mmc_simpy.py`.
///
/// P(wait) from the Erlang B recursion B_k = a·B_{k−1} / (k + a·B_{k−1}), C = B / (1 − ρ(1 − B))
/// (Kleinrock, *Queueing Systems* Vol. 1, 1975, §3.5; Gross & Harris, *Fundamentals of Queueing
/// Theory*, §2.3). Conditional wait is exponential with rate θ = cμ − λ, so Wq = C/θ and W = Wq + 1/μ.
/// Sojourn tail P(T > t) = (1 − C)e^{−μt} + C·(θe^{−μt} − μe^{−θt})/(θ − μ) (hypoexponential;
/// Erlang form e^{−μt}(1 + μt) when θ = μ); quantiles by bisection, 200 steps.
public struct ErlangC: Sendable, Hashable, Codable {
    /// Utilisation ρ = λ/(cμ).
    public var rho: Double
    /// Probability an arrival waits (Erlang C).
    public var pWait: Double
    /// Mean wait in queue Wq, seconds.
    public var wq: Double
    /// Mean sojourn time W = Wq + 1/μ, seconds.
    public var w: Double
    /// Mean number waiting Lq = λ·Wq.
    public var lq: Double
    /// Mean number in system L = λ·W.
    public var l: Double
    /// Median sojourn time, seconds.
    public var latencyP50: Double
    /// 99th-percentile sojourn time, seconds.
    public var latencyP99: Double
    /// 99th-percentile wait, seconds (0 when P(wait) ≤ 1%).
    public var waitP99: Double

    /// The stationary answer for `servers` servers, or nil when ρ ≥ 1 (no steady state).
    public init?(servers c: Int, arrivalRate lam: Double, serviceRate mu: Double) {
        let a = lam / mu
        let rho = a / Double(c)
        guard c >= 1, lam > 0, mu > 0, rho < 1.0 else { return nil }
        let C = Self.probabilityOfWaiting(servers: c, offeredLoad: a)
        let theta = Double(c) * mu - lam
        self.rho = rho
        pWait = C
        wq = C / theta
        w = wq + 1.0 / mu
        lq = lam * wq
        l = lam * w

        func sojournTail(_ t: Double) -> Double {
            let hypo: Double
            if abs(theta - mu) < 1e-12 {
                hypo = exp(-mu * t) * (1.0 + mu * t)
            } else {
                hypo = (theta * exp(-mu * t) - mu * exp(-theta * t)) / (theta - mu)
            }
            return (1.0 - C) * exp(-mu * t) + C * hypo
        }
        func quantile(_ q: Double) -> Double {
            var lo = 0.0
            var hi = 1.0
            while sojournTail(hi) > 1.0 - q { hi *= 2.0 }
            for _ in 0..<200 {
                let mid = 0.5 * (lo + hi)
                if sojournTail(mid) > 1.0 - q { lo = mid } else { hi = mid }
            }
            return 0.5 * (lo + hi)
        }
        latencyP50 = quantile(0.50)
        latencyP99 = quantile(0.99)
        waitP99 = C > 0.01 ? log(C / 0.01) / theta : 0.0
    }

    /// Erlang C: the probability an arrival waits in M/M/c with offered load `a` = λ/μ (< c).
    public static func probabilityOfWaiting(servers c: Int, offeredLoad a: Double) -> Double {
        var b = 1.0
        for k in 1...max(1, c) { b = a * b / (Double(k) + a * b) }
        let rho = a / Double(c)
        return b / (1.0 - rho * (1.0 - b))
    }
}
