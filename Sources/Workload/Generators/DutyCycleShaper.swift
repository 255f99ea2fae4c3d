/// Turns the GenAI per-pod duty-cycle trace into per-instance utilization profiles with a chosen mean.
///
/// For instance `i` under seed `s` it picks one eligible pod (uniformly, stream
/// `duty-cycle-shaper.i`), puts the pod's samples on a regular grid at its sampling interval
/// (57 s in GenTD26) starting at 0, optionally rotates the day by a random whole number of steps
/// (so instances of one service do not peak in lock-step), and scales it: u′ = min(1, k·u) with k
/// found by bisection so that the mean of u′ equals the target. The shape (idle gaps, bursts,
/// time-of-day pattern) is the real pod's; only the level is set. A pod is eligible when it has at
/// least `minimumSamples` samples, its mean is at least `minimumPodMean`, and the target is
/// reachable (the share of its non-zero samples, the most any k can give, exceeds it).
public struct DutyCycleShaper: Sendable {
    /// The trace file the pods came from.
    public let file: String
    /// Pods usable as shapes, in trace order.
    public let pods: [DutyCyclePod]

    /// Prepares shapes from `trace`, keeping pods with ≥ `minimumSamples` samples and mean
    /// duty cycle ≥ `minimumPodMean` (a fraction; near-idle pods carry no usable shape).
    public init(trace: DutyCycleTrace, minimumPodMean: Double = 0.01, minimumSamples: Int = 60) {
        file = trace.file
        pods = trace.pods.filter { $0.dutyCycle.count >= minimumSamples && $0.meanDutyCycle >= minimumPodMean }
    }

    /// The utilization profile (fractions 0…1 on a regular grid from 0) of instance `instance`
    /// with time-weighted mean `targetMean`.
    public func profile(instance: Int, targetMean: Double, seed: UInt64, rotate: Bool = true) throws -> TimeSeries {
        try shape(instance: instance, grids: grids(forMean: targetMean), targetMean: targetMean, seed: seed, rotate: rotate)
    }

    /// The eligible pods that can reach mean `targetMean`, each resampled to its grid from 0.
    func grids(forMean targetMean: Double) throws -> [TimeSeries] {
        guard targetMean > 0, targetMean < 1 else {
            throw TraceError(file: file, "target mean utilization must be in (0, 1), got \(targetMean)")
        }
        let grids = pods.compactMap { pod -> TimeSeries? in
            guard let series = pod.series, let step = pod.medianInterval, step > 0 else { return nil }
            let grid = series.resampled(step: step).shifted(toStart: 0)
            let nonZero = Double(grid.values.filter { $0 > 0 }.count) / Double(grid.count)
            return nonZero > targetMean ? grid : nil
        }
        guard !grids.isEmpty else {
            throw TraceError(file: file, "no pod can be shaped to mean utilization \(targetMean) (of \(pods.count) eligible pods)")
        }
        return grids
    }

    /// Instance `instance`'s profile: one of `grids` picked (and rotated) by its own stream, scaled
    /// to mean `targetMean`.
    func shape(instance: Int, grids: [TimeSeries], targetMean: Double, seed: UInt64, rotate: Bool) throws -> TimeSeries {
        let rng = RandomSource(seed: seed, purpose: "duty-cycle-shaper.\(instance)")
        var grid = grids[rng.index(grids.count)]
        if rotate {
            let r = rng.index(grid.count)
            let rotated = Array(grid.values[r...] + grid.values[..<r])
            grid = TimeSeries(start: 0, step: grid.stepLength(0), values: rotated)
        }
        guard let shaped = Self.scaled(grid, toMean: targetMean) else {
            throw TraceError(file: file, "cannot shape the chosen pod to mean utilization \(targetMean)")
        }
        return shaped
    }

    /// `series` scaled to time-weighted mean `target` by u′ = min(1, k·u) (k by bisection to
    /// within 1e-12 relative); nil if no k reaches it.
    public static func scaled(_ series: TimeSeries, toMean target: Double) -> TimeSeries? {
        let weights = series.values.indices.map { series.stepLength($0) }
        let total = weights.reduce(0, +)
        guard total > 0 else { return nil }
        func mean(_ k: Double) -> Double {
            var s = 0.0
            for i in series.values.indices { s += Swift.min(1, k * series.values[i]) * weights[i] }
            return s / total
        }
        let base = mean(1)
        guard base > 0 else { return nil }
        var lo = 0.0
        var hi = target / base
        var grow = 0
        while mean(hi) < target {
            lo = hi
            hi *= 2
            grow += 1
            if grow > 60 { return nil }
        }
        for _ in 0..<100 {
            let mid = 0.5 * (lo + hi)
            if mean(mid) < target { lo = mid } else { hi = mid }
            if hi - lo <= 1e-12 * hi { break }
        }
        let k = hi
        return series.mapValues { Swift.min(1, k * $0) }
    }
}
