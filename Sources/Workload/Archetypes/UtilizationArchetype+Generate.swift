import Foundation

extension UtilizationArchetype {
    /// A utilization series of `duration` seconds sampled every `step` seconds (fractions 0…1),
    /// deterministic for `seed`. Time 0 is midnight (matters for `peakValley`).
    ///
    /// Noise is an AR(1) process x ← 0.9·x + √(1 − 0.81)·σ·N(0,1) (stationary sd σ), so that
    /// neighbouring samples are correlated as measured utilization is; bursts and spikes arrive as
    /// a Poisson process with exponential lengths. Values are clamped to [0, 1] (and to the peak
    /// where the archetype has one).
    public func generate(seed: UInt64, duration: Double = 86_400, step: Double = 60) -> TimeSeries {
        let n = max(1, Int((duration / step).rounded(.up)))
        let rng = RandomSource(seed: seed, purpose: "archetype.\(name)")
        var values = [Double](repeating: 0, count: n)
        var noise = AR1Noise(rng: rng)
        switch self {
        case .lowAverage(let p):
            let bursts = Self.onIntervals(n: n, step: step, perHour: p.burstsPerHour, meanSeconds: p.burstSeconds, rng: rng)
            for k in 0..<n {
                let level = bursts[k] ? p.peak - abs(rng.normal(mean: 0, sd: p.noise)) : p.base + noise.next(sd: p.noise)
                values[k] = min(p.peak, max(0, level))
            }
        case .peakValley(let p):
            for k in 0..<n {
                let t = (Double(k) + 0.5) * step
                let diurnal = p.mean + p.amplitude * cos(2 * Double.pi * (t / 86_400 - p.peakHour / 24))
                values[k] = min(1, max(0, diurnal + noise.next(sd: p.noise)))
            }
        case .shortSpike(let p):
            let spikes = Self.onIntervals(n: n, step: step, perHour: p.spikesPerHour, meanSeconds: p.spikeSeconds, rng: rng)
            for k in 0..<n {
                let level = spikes[k] ? p.peak - abs(rng.normal(mean: 0, sd: 0.02)) : p.base + noise.next(sd: p.noise)
                values[k] = min(p.peak, max(0, level))
            }
        case .periodic(let p):
            var busy = [Bool](repeating: false, count: n)
            var slot = 0.0
            while slot < duration {
                let start = max(0, slot + rng.normal(mean: 0, sd: p.jitter))
                let first = Int((start / step).rounded())
                let last = Int(((start + p.batchSeconds) / step).rounded()) - 1
                if first < n, last >= first { for k in first...min(last, n - 1) { busy[k] = true } }
                slot += p.period
            }
            for k in 0..<n {
                let level = (busy[k] ? p.batchLevel : p.idleLevel) + rng.normal(mean: 0, sd: p.noise)
                values[k] = min(1, max(0, level))
            }
        }
        return TimeSeries(start: 0, step: step, values: values)
    }

    /// Marks the steps covered by on-intervals that start as a Poisson process (`perHour`) and last
    /// an exponential time (mean `meanSeconds`, at least one step).
    static func onIntervals(n: Int, step: Double, perHour: Double, meanSeconds: Double, rng: RandomSource) -> [Bool] {
        var on = [Bool](repeating: false, count: n)
        guard perHour > 0 else { return on }
        let horizon = Double(n) * step
        var t = rng.exponential(mean: 3600 / perHour)
        while t < horizon {
            let length = max(step, rng.exponential(mean: meanSeconds))
            let first = Int(t / step)
            let last = min(n - 1, Int((t + length) / step))
            if first <= last { for k in first...last { on[k] = true } }
            t += length + rng.exponential(mean: 3600 / perHour)
        }
        return on
    }
}

/// Stationary AR(1) noise with coefficient 0.9 drawn from a ``RandomSource``.
struct AR1Noise {
    let rng: RandomSource
    var x = 0.0

    /// The next value; stationary standard deviation `sd`.
    mutating func next(sd: Double) -> Double {
        x = 0.9 * x + (1 - 0.81).squareRoot() * rng.normal(mean: 0, sd: sd)
        return x
    }
}
