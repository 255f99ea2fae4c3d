import Benchmark
import ReferenceModels
import SimEngine

/// Engine benchmarks: PHOLD and M/M/c on the DES kernel, and the event queue's hold model.
///
/// Malloc counts are deterministic and held tightly (a per-event allocation would add 10^5);
/// wall time varies with the machine and its load, so its tolerance is wide (±400%): it catches
/// gross regressions, while `make bench-compare` measures speed as ratios within one run.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(2),
        maxIterations: 10,
        thresholds: [
            // Shared 2-core machines: the same binary was seen 3.4× slower under load.
            .wallClock: .init(relative: [.p90: 400]),
            .mallocCountTotal: .init(relative: [.p90: 5], absolute: [.p90: 4]),
        ]
    )

    // PHOLD 1024 LPs × 16, 10^5 events: the known answer (seed 7).
    Benchmark("PHOLD_1024x16_100k") { benchmark in
        for _ in benchmark.scaledIterations {
            let r = PHOLD.run(PHOLDParameters(lps: 1024, population: 16, events: 100_000, seed: 7))
            precondition(r.checksum == 0x102b_fd38_7d1e_988d, "PHOLD checksum changed")
            blackHole(r)
        }
    }

    // M/M/c defaults, 5·10^4 requests (10^5 events), statistics included.
    Benchmark("MMc_8servers_50k") { benchmark in
        for _ in benchmark.scaledIterations {
            let r = MMc.run(MMcParameters(servers: 8, arrivalRate: 64, serviceRate: 10, requests: 50_000, seed: 1))
            precondition(r.checksum == 0xde64_20c1_8108_87f1, "M/M/c checksum changed")
            blackHole(r)
        }
    }

    // Classic hold model: 16,384 pending events, 10^5 pop+push with increments from a fixed
    // table (the event-set cost alone, no RNG).
    Benchmark("EventQueue_hold_16k_100k") { benchmark in
        let increments = (0..<1024).map { Double(($0 &* 2_654_435_761) % 1000) / 500.0 }
        for _ in benchmark.scaledIterations {
            var q = EventQueue<Double, Int32>(capacity: 16_384)
            for i in 0..<16_384 { q.push(Int32(i), at: increments[i & 1023] + Double(i) * 1e-4) }
            var sum = 0.0
            for k in 0..<100_000 {
                guard let e = q.pop() else { break }
                sum += e.time
                q.push(e.payload, at: e.time + increments[k & 1023])
            }
            blackHole(sum)
        }
    }
}
