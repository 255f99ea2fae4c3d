/// Emits a workload's (time, item) events in time order, deterministically from a seed.
///
/// One ``RandomSource`` stream per workload (purpose = kind + name), so workloads never perturb
/// each other's draws. Events at or after `horizon` seconds are not emitted. Streams lazily:
/// a day of requests at thousands per second never sits in memory.
public struct WorkloadGenerator: IteratorProtocol, Sequence {
    /// The workload.
    public let spec: GeneratorSpec
    /// End of generation, seconds.
    public let horizon: Double
    private let rng: RandomSource
    private var arrivals: ArrivalGenerator?
    private var index = 0
    private var clock = 0.0
    private var streamNext: [Double] = []
    private var streamIndex: [Int] = []

    /// Generates `spec` up to `horizon` seconds under run seed `seed`.
    public init(_ spec: GeneratorSpec, seed: UInt64, horizon: Double) {
        self.spec = spec
        self.horizon = horizon
        let purpose: String
        switch spec {
        case .inference(let s):
            purpose = "inference.\(s.name)"
            arrivals = ArrivalGenerator(s.arrivals, horizon: horizon, seed: seed, purpose: purpose)
        case .training(let s):
            purpose = "training.\(s.name)"
            clock = s.submitTime
        case .interactive(let s):
            purpose = "\(s.kind.rawValue).\(s.name)"
            clock = s.start
        case .render(let s):
            purpose = "render.\(s.name)"
        case .codec(let s):
            purpose = "codec.\(s.name)"
        }
        rng = RandomSource(seed: seed, purpose: purpose)
        if case .interactive(let s) = spec {
            clock = s.start + rng.exponential(mean: s.thinkTime)  // sessions start at a random moment
        }
        if case .codec(let s) = spec, s.fps > 0 {
            streamNext = (0..<Swift.max(0, s.streams)).map { _ in s.start + rng.uniform() / s.fps }
            streamIndex = Array(repeating: 0, count: streamNext.count)
        }
    }

    /// The next event, or nil when the workload is exhausted or the horizon reached.
    public mutating func next() -> WorkloadEvent? {
        switch spec {
        case .inference(let s):
            guard var gen = arrivals else { return nil }
            let t = gen.next()
            arrivals = gen
            guard let t else { return nil }
            defer { index += 1 }
            if case .llmRequests(let requests) = s.arrivals {
                let r = requests[gen.replayed - 1]
                return WorkloadEvent(time: t, item: .request(service: s.name, index: index,
                                                             contextTokens: r.contextTokens,
                                                             generatedTokens: r.generatedTokens))
            }
            return WorkloadEvent(time: t, item: .request(service: s.name, index: index, contextTokens: nil,
                                                         generatedTokens: nil))
        case .training(let s):
            guard index < s.iterations, clock < horizon else { return nil }
            let work = s.iterationCV > 0 ? s.iterationWork * lognormalFactor(cv: s.iterationCV) : s.iterationWork
            let checkpoint = s.checkpointEvery > 0 && (index + 1) % s.checkpointEvery == 0
            let event = WorkloadEvent(time: clock, item: .trainingIteration(job: s.name, index: index, work: work,
                                                                           smFraction: s.smFraction,
                                                                           checkpointAfter: checkpoint))
            clock += work + (checkpoint ? s.checkpointSeconds : 0)
            index += 1
            return event
        case .interactive(let s):
            guard clock < Swift.min(horizon, s.start + s.duration), s.burstWork > 0 else { return nil }
            let work = rng.exponential(mean: s.burstWork)
            let event = WorkloadEvent(time: clock, item: .gpuBurst(job: s.name, index: index, work: work,
                                                                   smFraction: s.smFraction))
            clock += work + rng.exponential(mean: s.thinkTime)
            index += 1
            return event
        case .render(let s):
            guard s.fps > 0 else { return nil }
            let t = s.start + Double(index) / s.fps
            guard t < Swift.min(horizon, s.start + s.duration) else { return nil }
            defer { index += 1 }
            return WorkloadEvent(time: t, item: .renderFrame(stream: s.name, index: index, work: s.frameWork))
        case .codec(let s):
            guard let k = streamNext.indices.min(by: { streamNext[$0] < streamNext[$1] }) else { return nil }
            let t = streamNext[k]
            guard t < Swift.min(horizon, s.start + s.duration) else { return nil }
            let event = WorkloadEvent(time: t, item: .codecFrame(stream: "\(s.name)#\(k)", index: streamIndex[k],
                                                                 engine: s.engine, work: s.frameWork))
            streamIndex[k] += 1
            streamNext[k] = t + 1 / s.fps
            return event
        }
    }

    /// A lognormal factor with mean 1 and coefficient of variation `cv`
    /// (σ² = ln(1 + cv²), μ = −σ²/2).
    private func lognormalFactor(cv: Double) -> Double {
        let sigma2 = _log(1 + cv * cv)
        return rng.lognormal(mu: -sigma2 / 2, sigma: sigma2.squareRoot())
    }
}
