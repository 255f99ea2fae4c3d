import SimEngine
import Workload

/// The PHOLD benchmark on the colosim DES kernel (`Simulation<Double, Int32>`).
public enum PHOLD {
    /// Runs PHOLD with `parameters` (which must be valid, see ``PHOLDParameters/validate()``).
    public static func run(_ parameters: PHOLDParameters) -> PHOLDResult {
        let p = parameters
        var model = PHOLDModel(p)
        var sim = Simulation<Double, Int32>(capacity: p.lps * p.population)
        // Initial events in the reference's canonical order: LP by LP, `pop` each, from LP's stream.
        for lp in 0..<p.lps {
            for _ in 0..<p.population {
                sim.schedule(Int32(lp), at: p.lookahead + model.streams[lp].exp(mean: p.mean))
            }
        }
        let reason = sim.run(&model, until: p.endTime, maxEvents: p.events ?? .max)

        var counts = FNV1a64()
        for c in model.counts { counts.combine(c) }
        var digest = FNV1a64()
        digest.combine("phold")
        digest.combine(UInt64(p.lps))
        digest.combine(UInt64(p.population))
        digest.combine(p.mean)
        digest.combine(p.lookahead)
        digest.combine(p.remote)
        digest.combine(p.events ?? .max)
        digest.combine(p.endTime ?? .infinity)
        digest.combine(p.seed)
        digest.combine(model.trace)
        digest.combine(sim.eventsProcessed)
        digest.combine(model.lastTimestamp)
        digest.combine(counts.value)
        return PHOLDResult(parameters: p, events: sim.eventsProcessed, lastTimestamp: model.lastTimestamp,
                           checksum: counts.value, stopReason: reason.rawValue, digest: digest.value)
    }
}
