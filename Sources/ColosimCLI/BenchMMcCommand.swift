import ArgumentParser
import Experiments
import ReferenceModels

/// `colosim bench mmc`: the M/M/c GPU-queue model on the DES kernel, with Erlang C alongside.
struct BenchMMcCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mmc",
        abstract: "M/M/c queue: c GPUs, Poisson arrivals, exponential service, FCFS; Erlang C alongside.",
        discussion: """
            Simulates exactly --requests arrivals event by event (arrival and departure events on \
            the DES kernel) and compares latency and wait with the analytic Erlang C answer. \
            Statistics exclude the first --warmup requests (default N/20). ρ = λ/(cμ) ≥ 1 is \
            allowed (the queue grows); Erlang C is then null. Checksum: FNV-1a-64 of the latency \
            bit patterns, as ../shared/reference/mmc_simpy.py prints it.
            """)

    @Option(parsing: .unconditional, help: "Number of servers (GPUs) c.") var servers: Int = 8
    @Option(name: .customLong("arrival-rate"), parsing: .unconditional, help: "Poisson arrival rate λ, requests per second.")
    var arrivalRate: Double = 64
    @Option(name: .customLong("service-rate"), parsing: .unconditional, help: "Service rate per server μ, per second (1/mean service time).")
    var serviceRate: Double = 10
    @Option(parsing: .unconditional, help: "Number of arrivals N.") var requests: Int = 100_000
    @Option(parsing: .unconditional, help: "Requests excluded from the statistics (default N/20).") var warmup: Int?
    @Option(parsing: .unconditional, help: "Run seed (arrivals: SplitMix64 stream 0, service: stream 1).") var seed: UInt64 = 1
    @Flag(help: "Print JSON instead of text.") var json = false

    func parameters() throws -> MMcParameters {
        let p = MMcParameters(servers: servers, arrivalRate: arrivalRate, serviceRate: serviceRate,
                              requests: requests, warmup: warmup, seed: seed)
        do { try p.validate() } catch { throw InputError(field: error.field, error.message) }
        return p
    }

    func run() throws {
        let p = try parameters()
        let (trace, wall) = BenchClock.measure { MMc.simulate(p) }
        let result = MMcResult(trace)
        print(json ? Self.json(result, wall: wall) : Self.text(result, wall: wall))
    }

    static func json(_ r: MMcResult, wall: Double) -> String {
        let p = r.parameters
        var j = BenchJSON()
        j.add("model", "mmc")
        j.add("servers", p.servers)
        j.add("arrival_rate", p.arrivalRate)
        j.add("service_rate", p.serviceRate)
        j.add("requests", p.requests)
        j.add("warmup", p.warmup)
        j.add("seed", p.seed)
        j.add("rho", p.utilization)
        j.add("events", r.events)
        j.add("end_time_s", r.endTime)
        j.add("gpu_utilization", r.utilization)
        j.add("stats_over", r.statisticsCount)
        j.add("latency_mean_s", r.latencyMean)
        j.add("latency_p50_s", r.latencyP50)
        j.add("latency_p99_s", r.latencyP99)
        j.add("wait_mean_s", r.waitMean)
        j.add("p_wait", r.pWait)
        j.add("checksum", r.checksumHex)
        j.add("erlang_c", r.erlangC.map { e -> BenchJSON in
            var o = BenchJSON()
            o.add("p_wait", e.pWait)
            o.add("wq_s", e.wq)
            o.add("w_s", e.w)
            o.add("latency_p50_s", e.latencyP50)
            o.add("latency_p99_s", e.latencyP99)
            return o
        })
        j.addRunFooter(events: r.events, wall: wall, digest: r.digestHex)
        return j.rendered()
    }

    static func text(_ r: MMcResult, wall: Double) -> String {
        let p = r.parameters
        let f = BenchFormat.self
        var lines = [
            "M/M/c GPU queue  \(p.servers) GPUs, \(f.fixed(p.arrivalRate, 3)) requests/s (Poisson), "
                + "mean service \(f.seconds(1 / p.serviceRate)) (exponential), FCFS, ρ = \(f.fixed(p.utilization, 3))",
            "  \(p.requests) requests, seed \(p.seed); statistics over \(r.statisticsCount) "
                + "(first \(p.warmup) excluded as warm-up)",
            "",
        ]
        let header = "  " + pad("", 22) + pad("simulated", 14) + pad("Erlang C", 14) + "error"
        lines.append(header)
        func row(_ name: String, _ sim: Double, _ exact: Double?, seconds: Bool) -> String {
            let show = { (x: Double) in seconds ? f.fixed(x * 1e3, 3) + " ms" : f.fixed(x, 5) }
            let e = exact.map { pad(show($0), 14) + f.relativeError(sim, $0) } ?? "—"
            return "  " + pad(name, 22) + pad(show(sim), 14) + e
        }
        let e = r.erlangC
        lines.append(row("mean latency (W)", r.latencyMean, e?.w, seconds: true))
        lines.append(row("p50 latency", r.latencyP50, e?.latencyP50, seconds: true))
        lines.append(row("p99 latency", r.latencyP99, e?.latencyP99, seconds: true))
        lines.append(row("mean wait (Wq)", r.waitMean, e?.wq, seconds: true))
        lines.append(row("P(wait)", r.pWait, e?.pWait, seconds: false))
        if e == nil { lines.append("  Erlang C: no steady state (ρ ≥ 1): the queue grows without bound") }
        lines.append("")
        lines.append("  GPU utilization \(f.fixed(100 * r.utilization, 1))% over \(f.fixed(r.endTime, 1)) s simulated "
                     + "(offered load ρ = \(f.fixed(p.utilization, 3)))")
        lines.append("  events     \(r.events) (arrivals + departures)")
        lines.append("  checksum   \(r.checksumHex)  (FNV-1a-64 of latencies, as the reference)")
        lines.append("  wall       \(f.seconds(wall))  \(f.rate(Double(r.events), wall)) events/s")
        lines.append("  digest     \(r.digestHex)")
        return lines.joined(separator: "\n")
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
