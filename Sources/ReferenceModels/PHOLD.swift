import SimEngine
import Workload

/// The PHOLD benchmark on the colosim DES kernel (`Simulation<Double, Int32>`).
public enum PHOLD {
    /// Runs PHOLD with `parameters` (which must be valid, see ``PHOLDParameters/validate()``).
    ///
    /// `eventBudget` caps a run without an event limit (one bounded by `endTime` only); a run that
    /// reaches it stops with the stop reason `event-limit`. The digest does not depend on it.
    public static func run(_ parameters: PHOLDParameters, eventBudget: UInt64 = .max) -> PHOLDResult {
        let p = parameters
        var model = PHOLDModel(p)
        var sim = Simulation<Double, Int32>(capacity: p.lps * p.population)
        // Initial events in the reference's canonical order: LP by LP, `pop` each, from LP's stream.
        for lp in 0..<p.lps {
            for _ in 0..<p.population {
                sim.schedule(Int32(lp), at: p.lookahead + model.streams[lp].exp(mean: p.mean))
            }
        }
        let reason = sim.run(&model, until: p.endTime, maxEvents: p.events ?? eventBudget)

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
