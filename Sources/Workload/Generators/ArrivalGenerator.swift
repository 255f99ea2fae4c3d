/// Draws the arrival instants of an ``ArrivalProcess`` in [0, horizon), one at a time, in order.
///
/// Deterministic for (process, seed, purpose). Methods: homogeneous Poisson by exponential gaps;
/// piecewise-constant rates exactly, segment by segment (memorylessness lets each segment restart
/// at its boundary); the diurnal curve by thinning (Lewis & Shedler, Naval Res. Logist. Q. 26, 1979)
/// against its peak rate; ServeGen windows by drawing each window's fitted distribution and
/// rescaling it to the window's mean gap (alibaba/ServeGen, `generate` in its client module).
public struct ArrivalGenerator: IteratorProtocol, Sequence {
    /// The process drawn from.
    public let process: ArrivalProcess
    /// Arrivals at or after this time (seconds) are not produced.
    public let horizon: Double
    private let rng: RandomSource
    private let starts: [Double]
    private let rates: [Double]
    private let shapes: [InterArrivalDistribution?]?
    private let piecewiseEnd: Double
    private var t = 0.0
    private var segment = 0
    private var done = false

    /// Draws `process` up to `horizon` seconds from the stream (`seed`, `purpose`).
    public init(_ process: ArrivalProcess, horizon: Double, seed: UInt64, purpose: String = "arrivals") {
        self.process = process
        self.horizon = horizon
        self.rng = RandomSource(seed: seed, purpose: purpose)
        switch process {
        case .rateCurve(let series):
            (starts, rates, shapes, piecewiseEnd) = (series.times, series.values, nil, .infinity)
        case .serveGen(let windows):
            (starts, rates, shapes) = (windows.map(\.start), windows.map(\.rate), windows.map(\.distribution))
            piecewiseEnd = (windows.last?.start ?? 0) + ServeGenTrace.windowSeconds
        default:
            (starts, rates, shapes, piecewiseEnd) = ([], [], nil, 0)
        }
    }

    /// How many arrivals have been replayed (replay kinds): the index of the last one plus one.
    var replayed: Int { segment }

    /// The next arrival instant, seconds, or nil when the horizon is reached.
    public mutating func next() -> Double? {
        guard !done else { return nil }
        let value: Double?
        switch process {
        case .poisson(let rate):
            value = rate > 0 ? advance(by: rng.exponential(mean: 1 / rate)) : nil
        case .diurnal(let d):
            value = nextDiurnal(d)
        case .rateCurve, .serveGen:
            value = nextPiecewise()
        case .replay(let times):
            value = segment < times.count && times[segment] < horizon ? times[segment] : nil
            segment += 1
        case .llmRequests(let requests):
            value = segment < requests.count && requests[segment].time < horizon ? requests[segment].time : nil
            segment += 1
        }
        if value == nil { done = true }
        return value
    }

    private mutating func advance(by gap: Double) -> Double? {
        t += gap
        return t < horizon ? t : nil
    }

    private mutating func nextDiurnal(_ d: DiurnalRate) -> Double? {
        let peak = d.peak
        guard peak > 0 else { return nil }
        while true {
            t += rng.exponential(mean: 1 / peak)
            if t >= horizon { return nil }
            if rng.uniform() * peak < d.rate(at: t) { return t }
        }
    }

    /// Piecewise-constant rates `rates[i]` on `[starts[i], starts[i+1])` (the last until `piecewiseEnd`).
    /// With `shapes`, gaps come from each window's distribution scaled to mean 1/rate.
    private mutating func nextPiecewise() -> Double? {
        guard !starts.isEmpty else { return nil }
        if segment == 0, t < starts[0] { t = starts[0] }
        while segment < starts.count {
            let segmentEnd = Swift.min(segment + 1 < starts.count ? starts[segment + 1] : piecewiseEnd, horizon)
            let rate = rates[segment]
            if rate > 0, t < segmentEnd {
                let gap: Double
                if let shapes, let dist = shapes[segment] {
                    gap = Self.draw(dist, rng: rng) / dist.mean / rate
                } else {
                    gap = rng.exponential(mean: 1 / rate)
                }
                if t + gap < segmentEnd {
                    t += gap
                    return t
                }
            }
            if segmentEnd >= horizon { return nil }
            segment += 1
            t = segmentEnd
        }
        return nil
    }

    /// One draw of `dist` (Gamma via GSL; Weibull by inversion: scale·(−ln U)^(1/shape)).
    static func draw(_ dist: InterArrivalDistribution, rng: RandomSource) -> Double {
        switch dist {
        case .gamma(let shape, let scale): return rng.gamma(shape: shape, scale: scale)
        case .weibull(let shape, let scale): return scale * _pow(-_log(rng.uniformPositive()), 1 / shape)
        }
    }
}

extension InterArrivalDistribution {
    /// The distribution's mean: a·scale (Gamma), scale·Γ(1 + 1/c) (Weibull).
    public var mean: Double {
        switch self {
        case .gamma(let shape, let scale): shape * scale
        case .weibull(let shape, let scale): scale * _tgamma(1 + 1 / shape)
        }
    }
}
