import Testing
import ReferenceModels

@Suite struct MMcTests {
    /// Known answer from `../shared/reference/README.md` (every mode of mmc_simpy.py).
    @Test func defaultsSeed1FiftyThousandRequestsMatchTheReference() {
        let r = MMc.run(MMcParameters(servers: 8, arrivalRate: 64, serviceRate: 10, requests: 50_000, seed: 1))
        #expect(r.checksumHex == "de6420c1810887f1")
        #expect(r.events == 100_000)
        #expect(r.statisticsCount == 47_500)
    }

    /// The DES run must equal the Kiefer–Wolfowitz earliest-free-server recursion (the reference's
    /// `recursion` mode), which uses no event list at all: an independent oracle, bit for bit.
    @Test(arguments: [(8, 64.0, 10.0, UInt64(3)), (1, 0.9, 1.0, UInt64(4)), (3, 5.0, 1.0, UInt64(5))])
    func eventDrivenRunEqualsTheRecursion(c: Int, lam: Double, mu: Double, seed: UInt64) {
        let p = MMcParameters(servers: c, arrivalRate: lam, serviceRate: mu, requests: 20_000, seed: seed)
        let trace = MMc.simulate(p)
        let (latency, wait) = Recursion.run(p)
        #expect(trace.latencies == latency)
        #expect(trace.waits == wait)
        #expect(trace.events == 40_000)
    }

    @Test func sameSeedReplaysAndOtherSeedsDiffer() {
        let p = MMcParameters(requests: 20_000, seed: 9)
        let a = MMc.run(p)
        #expect(MMc.run(p) == a)
        var q = p
        q.seed = 10
        let b = MMc.run(q)
        #expect(b.digest != a.digest)
        #expect(b.checksum != a.checksum)
    }

    @Test func statisticsFollowTheReferenceDefinitions() {
        // Recompute mean, nearest-rank p99 and P(wait) from the raw trace by hand.
        let p = MMcParameters(servers: 2, arrivalRate: 1.5, serviceRate: 1, requests: 1000, warmup: 100, seed: 2)
        let trace = MMc.simulate(p)
        let r = MMcResult(trace)
        let sel = Array(trace.latencies[100...])
        #expect(r.statisticsCount == 900)
        var sum = 0.0
        for x in sel { sum += x }
        #expect(r.latencyMean == sum / 900)
        #expect(r.latencyP99 == sel.sorted()[890])  // ceil(0.99 · 900) − 1 = 890
        #expect(r.latencyP50 == sel.sorted()[449])
        #expect(r.pWait == Double(trace.waits[100...].filter { $0 > 0 }.count) / 900)
    }

    @Test func unstableQueueRunsButHasNoErlangC() {
        let r = MMc.run(MMcParameters(servers: 2, arrivalRate: 3, serviceRate: 1, requests: 2000, seed: 1))
        #expect(r.erlangC == nil)
        #expect(r.events == 4000)
        #expect(r.pWait > 0.9)
        #expect(r.utilization > 0.95)   // overloaded: servers (almost) never idle
    }

    @Test(arguments: [
        (MMcParameters(servers: 0), "--servers"),
        (MMcParameters(arrivalRate: -64), "--arrival-rate"),
        (MMcParameters(arrivalRate: 0), "--arrival-rate"),
        (MMcParameters(serviceRate: -1), "--service-rate"),
        (MMcParameters(serviceRate: .infinity), "--service-rate"),
        (MMcParameters(requests: 0), "--requests"),
        (MMcParameters(requests: 10, warmup: 10), "--warmup"),
        (MMcParameters(requests: 10, warmup: -1), "--warmup"),
    ])
    func invalidParametersNameTheirFlag(_ p: MMcParameters, _ field: String) {
        do {
            try p.validate()
            Issue.record("expected \(field) to be rejected")
        } catch { #expect(error.field == field) }
    }
}

/// The `recursion` mode of mmc_simpy.py: request i starts at max(t_i, earliest server free time).
enum Recursion {
    static func run(_ p: MMcParameters) -> (latency: [Double], wait: [Double]) {
        var sa = SplitMix64Reference(seed: p.seed, stream: 0)
        var ss = SplitMix64Reference(seed: p.seed, stream: 1)
        var free = Array(repeating: 0.0, count: p.servers)
        var t = 0.0
        var latency: [Double] = []
        var wait: [Double] = []
        for _ in 0..<p.requests {
            t = t + sa.exp(1.0 / p.arrivalRate)
            let s = ss.exp(1.0 / p.serviceRate)
            // The earliest-free server (ties irrelevant: equal free times give equal starts).
            let k = free.indices.min { free[$0] < free[$1] } ?? 0
            let start = t > free[k] ? t : free[k]
            let depart = start + s
            free[k] = depart
            latency.append(depart - t)
            wait.append(start - t)
        }
        return (latency, wait)
    }
}
