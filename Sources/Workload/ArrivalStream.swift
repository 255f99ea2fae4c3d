import SimEngine
import ColoModel

/// Inter-arrival gaps of one workload's ``ArrivalSpec``, drawn from its own SplitMix64 stream
/// (stream = workload index, so adding a workload does not perturb the others; DESIGN §3).
public struct ArrivalStream: Sendable {
    /// The arrival process.
    public let spec: ArrivalSpec
    private var rng: SplitMix64

    /// The arrivals of `spec` from stream `stream` of `seed`.
    public init(spec: ArrivalSpec, seed: UInt64, stream: UInt64) {
        self.spec = spec
        self.rng = SplitMix64(seed: seed, stream: stream)
    }

    /// The next gap in nanoseconds (at least 1); nil for a closed loop.
    public mutating func nextGapNanoseconds() -> Int64? {
        switch spec {
        case .poisson(let rate):
            return max(1, SimDuration.saturatingNanoseconds(rng.exp(mean: 1e9 / rate)))
        case .periodic(let rate):
            return max(1, SimDuration.saturatingNanoseconds(1e9 / rate))
        case .closedLoop:
            return nil
        }
    }
}
