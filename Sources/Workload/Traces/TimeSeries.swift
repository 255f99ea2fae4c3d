/// A piecewise-constant time series: `values[i]` holds from `times[i]` until `times[i+1]`
/// (the last value until `end`). Times in seconds, strictly increasing.
///
/// Used for utilization profiles (values are fractions 0…1 of the GPU), arrival-rate curves
/// (requests per second) and generic traces.
public struct TimeSeries: Sendable, Equatable {
    /// Start time of each step, seconds, strictly increasing.
    public private(set) var times: [Double]
    /// The value held during each step.
    public private(set) var values: [Double]
    /// When the last step ends (≥ the last time).
    public private(set) var end: Double

    /// Creates a series; nil unless the arrays are non-empty, of equal length, with strictly
    /// increasing finite times and `end` ≥ the last time.
    public init?(times: [Double], values: [Double], end: Double) {
        guard !times.isEmpty, times.count == values.count, let last = times.last, end >= last,
              times.allSatisfy(\.isFinite), end.isFinite else { return nil }
        for i in 1..<times.count where !(times[i] > times[i - 1]) { return nil }
        self.times = times
        self.values = values
        self.end = end
    }

    /// A series on a regular grid: `values[k]` holds over `[start + k·step, start + (k+1)·step)`.
    public init(start: Double = 0, step: Double, values: [Double]) {
        precondition(step > 0 && !values.isEmpty, "regular series needs step > 0 and values")
        self.times = values.indices.map { start + Double($0) * step }
        self.values = values
        self.end = start + Double(values.count) * step
    }

    /// First time of the series.
    public var start: Double { times[0] }
    /// `end − start`, seconds.
    public var duration: Double { end - start }
    /// Number of steps.
    public var count: Int { times.count }

    /// The value in force at `t` (the first value before `start`, the last after `end`).
    public func value(at t: Double) -> Double {
        var lo = 0
        var hi = times.count - 1
        if t <= times[0] { return values[0] }
        while lo < hi {  // largest i with times[i] <= t
            let mid = (lo + hi + 1) / 2
            if times[mid] <= t { lo = mid } else { hi = mid - 1 }
        }
        return values[lo]
    }

    /// The value at `t` with the series repeated end to start (for looping a day-long profile over
    /// a longer run): `value(at: start + (t − start) mod duration)`.
    public func cyclicValue(at t: Double) -> Double {
        let d = duration
        guard d > 0 else { return values[0] }
        var offset = (t - start).truncatingRemainder(dividingBy: d)
        if offset < 0 { offset += d }
        return value(at: start + offset)
    }

    /// The series repeated back to back from `start` until it covers `horizon` seconds
    /// (e.g. a 22.8 h GenAI profile looped over a week, for ``ArrivalProcess/rateCurve(_:)``).
    public func tiled(until horizon: Double) -> TimeSeries {
        let d = duration
        guard d > 0, horizon > end else { return self }
        let copies = Int(((horizon - start) / d).rounded(.up))
        var copy = self
        copy.times = []
        copy.values = []
        copy.times.reserveCapacity(copies * times.count)
        for c in 0..<copies {
            let offset = Double(c) * d
            copy.times.append(contentsOf: times.map { $0 + offset })
            copy.values.append(contentsOf: values)
        }
        copy.end = end + Double(copies - 1) * d
        return copy
    }

    /// Length of step `i`, seconds.
    public func stepLength(_ i: Int) -> Double {
        (i + 1 < times.count ? times[i + 1] : end) - times[i]
    }

    /// The time-weighted mean over `[start, end)`; the plain mean if the series has zero length.
    public var timeWeightedMean: Double {
        let d = duration
        guard d > 0 else { return values.reduce(0, +) / Double(values.count) }
        var sum = 0.0
        for i in values.indices { sum += values[i] * stepLength(i) }
        return sum / d
    }

    /// The largest value.
    public var maximum: Double { values.max() ?? 0 }

    /// The integral of the series over `[a, b)` (value × seconds).
    public func integral(from a: Double, to b: Double) -> Double {
        guard b > a else { return 0 }
        var sum = 0.0
        for i in values.indices {
            let s = max(a, times[i])
            let e = min(b, i + 1 < times.count ? times[i + 1] : end)
            if e > s { sum += values[i] * (e - s) }
        }
        return sum
    }

    /// The series shifted so that it starts at `newStart`.
    public func shifted(toStart newStart: Double) -> TimeSeries {
        let d = newStart - start
        var copy = self
        copy.times = times.map { $0 + d }
        copy.end = end + d
        return copy
    }

    /// The series with every value transformed by `f`.
    public func mapValues(_ f: (Double) -> Double) -> TimeSeries {
        var copy = self
        copy.values = values.map(f)
        return copy
    }

    /// The series sampled every `step` seconds from `start` (value in force at each grid point).
    public func resampled(step: Double) -> TimeSeries {
        precondition(step > 0, "resampling step must be > 0")
        let n = max(1, Int(((end - start) / step).rounded(.up)))
        var out = [Double]()
        out.reserveCapacity(n)
        var j = 0
        for k in 0..<n {
            let t = start + Double(k) * step
            while j + 1 < times.count, times[j + 1] <= t { j += 1 }
            out.append(values[j])
        }
        return TimeSeries(start: start, step: step, values: out)
    }
}
