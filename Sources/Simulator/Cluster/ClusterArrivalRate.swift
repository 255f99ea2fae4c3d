import Workload

/// The instantaneous rate (requests/s) of an arrival process, for the fluid cluster model.
public enum ClusterArrivalRate {
    /// λ(t) for Poisson, diurnal and rate-curve processes (looped past the curve's end); the mean
    /// rate of the trace-replay processes over their span (the fluid model does not replay
    /// individual arrivals).
    public static func rate(_ p: ArrivalProcess, at t: Double) -> Double {
        switch p {
        case .poisson(let r): r
        case .diurnal(let d): d.rate(at: t)
        case .rateCurve(let c): c.cyclicValue(at: t)
        case .serveGen(let w): w.isEmpty ? 0 : w.reduce(0.0) { $0 + $1.rate } / Double(w.count)
        case .replay(let ts): spanRate(ts.count, ts.first, ts.last)
        case .llmRequests(let rs): spanRate(rs.count, rs.first?.time, rs.last?.time)
        }
    }

    static func spanRate(_ n: Int, _ a: Double?, _ b: Double?) -> Double {
        guard let a, let b, b > a else { return 0 }
        return Double(n) / (b - a)
    }
}
