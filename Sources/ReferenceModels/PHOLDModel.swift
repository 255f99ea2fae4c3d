import SimEngine
import Workload

/// PHOLD event handler: the per-LP state and the rule "handle one event, send one event".
///
/// PHOLD: R. M. Fujimoto, "Performance of Time Warp under synthetic workloads", SCS Multiconference
/// on Distributed Simulation, 1990 (the model shipped as ROSS `models/phold`). Semantics exactly as
/// `../shared/reference/phold_simpy.py`: handling an event at LP d and time t counts it, draws
/// `remote` test then destination from LP d's stream (`uniform() < remote`, then `index(N)`;
/// no test when remote ≥ 1), and schedules one event at `t + (lookahead + exp(mean))`.
struct PHOLDModel: EventHandler {
    typealias Time = Double
    /// The destination LP of an event.
    typealias Event = Int32

    let lpCount: Int
    let mean: Double
    let lookahead: Double
    let remote: Double
    /// One SplitMix64 stream per LP; stream index = LP id (detrng.py).
    var streams: [SplitMix64]
    /// Events handled per LP: the replay checksum is FNV-1a-64 over these.
    var counts: [UInt64]
    /// Timestamp of the last handled event.
    var lastTimestamp: Double = 0
    /// Word-wise FNV-1a over (timestamp bits, destination) of every handled event: the trace part
    /// of the run digest.
    var trace: UInt64 = 0xCBF2_9CE4_8422_2325

    init(_ p: PHOLDParameters) {
        lpCount = p.lps
        mean = p.mean
        lookahead = p.lookahead
        remote = p.remote
        streams = (0..<p.lps).map { SplitMix64(seed: p.seed, stream: UInt64($0)) }
        counts = Array(repeating: 0, count: p.lps)
    }

    @inline(__always)
    mutating func handle(_ event: Int32, id: EventID, in sim: inout Simulation<Double, Int32>) -> StepResult {
        let d = Int(event)
        let t = sim.now
        counts[d] &+= 1
        lastTimestamp = t
        trace = ((trace ^ t.bitPattern) &* 0x0000_0100_0000_01B3 ^ UInt64(d)) &* 0x0000_0100_0000_01B3
        var stream = streams[d]   // one array write-back instead of three in-place mutations
        let dest: Int
        if remote >= 1.0 || stream.uniform() < remote {
            dest = stream.index(lpCount)
        } else {
            dest = d
        }
        let delay = lookahead + stream.exp(mean: mean)
        streams[d] = stream
        sim.schedule(Int32(truncatingIfNeeded: dest), at: t + delay)
        return .continue
    }
}
