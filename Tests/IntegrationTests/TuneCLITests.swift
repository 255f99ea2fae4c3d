import Foundation
import Testing
import TestSupport

@Suite struct TuneCLITests {
    /// Tuning the kernel-mode LS + BE scenario beats the default equal weights on BE throughput while
    /// keeping the SLA; the best weights, written into the scenario and run by `colosim run`, reproduce it.
    @Test func improvesBEThroughputOverDefaultWeights() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let r = try runColosim(["tune", SweepCLIFixtures.tuneScenario, "--objective", "be-throughput", "--max-iterations", "15",
                                "--json", "--db", dir.appendingPathComponent("t.sqlite").path])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let doc = SweepCLIFixtures.object(r.stdout)
        let start = doc["default"] as? [String: Any] ?? [:], best = doc["best"] as? [String: Any] ?? [:]
        let s0 = start["objective"] as? Double ?? .nan, s1 = best["objective"] as? Double ?? .nan
        #expect(s1 > s0 * 1.05, "default \(s0), best \(s1)")
        #expect(best["sla_met"] as? Bool == true)
        // Oracle: run the scenario with the best weights written in.
        let w = best["weights"] as? [String: Double] ?? [:]
        let text = try String(contentsOfFile: SweepCLIFixtures.tuneScenario, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        var container = ""
        for i in lines.indices {
            if lines[i].hasPrefix("  - name: ") { container = String(lines[i].dropFirst("  - name: ".count)) }
            if lines[i] == "    weight: 1", let v = w[container] { lines[i] = "    weight: \(v)" }
        }
        let tuned = try RunsCLIFixtures.write(lines.joined(separator: "\n"), "tuned.yaml", in: dir)
        let run = SweepCLIFixtures.object(try runColosim(["run", "--no-store", tuned, "--json"]).stdout)
        let workloads = run["workloads"] as? [[String: Any]] ?? []
        let training = workloads.first { $0["name"] as? String == "training" }
        let resnet = workloads.first { $0["name"] as? String == "resnet50" }
        #expect(training?["throughput_per_s"] as? Double == s1)
        #expect((resnet?["latency_p99_ms"] as? Double ?? .infinity) <= 25)
        #expect(run["digest"] as? String == best["digest"] as? String)
        let curve = doc["trade_off"] as? [[String: Any]] ?? []
        #expect(curve.count >= 2)
    }

    @Test func nonKernelModeAndBadFlagsExitTwo() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let db = dir.appendingPathComponent("t.sqlite").path
        #expect(try runColosim(["tune", "scenarios/v100-limiter-lone.yaml", "--objective", "utilization", "--db", db]).exitCode == 2)
        #expect(try runColosim(["tune", SweepCLIFixtures.tuneScenario, "--objective", "nosuch", "--db", db]).exitCode == 2)
        #expect(try runColosim(["tune", SweepCLIFixtures.tuneScenario, "--db", db]).exitCode == 2)
    }
}
