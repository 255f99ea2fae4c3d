import ArgumentParser
import Experiments
import ReferenceModels
import SimEngine
import Simulator

/// `colosim bench phold`: PHOLD on the DES kernel, checksums as `../shared/reference/phold_simpy.py`.
struct BenchPHOLDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phold",
        abstract: "PHOLD (Fujimoto 1990): N logical processes, constant event population.",
        discussion: """
            Every handled event sends one event to a random LP (with probability --remote) at \
            now + lookahead + Exp(mean). Stops after --events events or before the first event at \
            or after --end-time (default: 1000000 events). Prints events, last_ts, the FNV-1a-64 \
            checksum of the per-LP counts (same as the references), wall time and the run digest.
            """)

    @Option(parsing: .unconditional, help: "Number of logical processes.") var lps: Int = 1024
    @Option(parsing: .unconditional, help: "Initial events per LP.") var pop: Int = 16
    @Option(parsing: .unconditional, help: "Stop after this many events.") var events: Int?
    @Option(parsing: .unconditional, help: "Run seed (LP k uses SplitMix64 stream k).") var seed: UInt64 = 1
    @Option(parsing: .unconditional, help: "Probability an event goes to a random LP.") var remote: Double = 1.0
    @Option(parsing: .unconditional, help: "Constant added to every timestamp increment.") var lookahead: Double = 0.0
    @Option(name: .customLong("end-time"), parsing: .unconditional, help: "Stop before the first event at or after this time.")
    var endTime: Double?
    @Option(parsing: .unconditional, help: "Mean of the exponential timestamp increment.") var mean: Double = 1.0
    @Flag(help: "Print JSON instead of text.") var json = false

    func parameters() throws -> PHOLDParameters {
        if let events, events < 1 {
            throw InputError(field: "--events", "must be at least 1, got \(events)")
        }
        let budget = SimulationBudgetExceeded.budgetInForce
        if let events, UInt64(events) > budget {
            throw InputError(field: "--events", "must be at most \(budget) (the simulation budget; \(InputLimits.eventBudgetVariable)=N raises it), got \(events)")
        }
        let p = PHOLDParameters(lps: lps, population: pop, mean: mean, lookahead: lookahead, remote: remote,
                                events: events.map { UInt64($0) }, endTime: endTime, seed: seed)
        do { try p.validate() } catch { throw InputError(field: error.field, error.message) }
        return p
    }

    func run() throws {
        let p = try parameters()
        let budget = SimulationBudgetExceeded.budgetInForce
        let (result, wall) = BenchClock.measure { PHOLD.run(p, eventBudget: budget) }
        if p.events == nil, result.stopReason == StopReason.eventLimit.rawValue {
            throw SimulationBudgetExceeded(budget: budget, simulatedSeconds: result.lastTimestamp,
                                           durationSeconds: p.endTime ?? .infinity)
        }
        print(json ? Self.json(result, wall: wall) : Self.text(result, wall: wall))
    }

    static func json(_ r: PHOLDResult, wall: Double) -> String {
        let p = r.parameters
        var j = BenchJSON()
        j.add("model", "phold")
        j.add("lps", p.lps)
        j.add("pop", p.population)
        j.add("mean", p.mean)
        j.add("lookahead", p.lookahead)
        j.add("remote", p.remote)
        j.add("seed", p.seed)
        if let e = p.events { j.add("events_limit", e) } else { j.add("events_limit", Double?.none) }
        j.add("end_time", p.endTime)
        j.add("events", r.events)
        j.add("last_ts", r.lastTimestamp)
        j.add("checksum", r.checksumHex)
        j.add("stop_reason", r.stopReason)
        j.addRunFooter(events: r.events, wall: wall, digest: r.digestHex)
        return j.rendered()
    }

    static func text(_ r: PHOLDResult, wall: Double) -> String {
        let p = r.parameters
        var stop = "stop: \(r.stopReason)"
        if let e = p.events { stop += ", limit \(e) events" }
        if let t = p.endTime { stop += ", end time \(t)" }
        return """
            PHOLD  \(p.lps) LPs × \(p.population) events, remote \(p.remote), lookahead \(p.lookahead), \
            mean \(p.mean), seed \(p.seed)
              events     \(r.events)  (\(stop))
              last_ts    \(r.lastTimestamp)
              checksum   \(r.checksumHex)  (FNV-1a-64 of per-LP counts, as the references)
              wall       \(BenchFormat.seconds(wall))  \(BenchFormat.rate(Double(r.events), wall)) events/s
              digest     \(r.digestHex)
            """
    }
}
