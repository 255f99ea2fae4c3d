import Foundation
import Testing
import TestSupport

/// `colosim trace export RUN --chrome FILE`: a Chrome trace of a stored kernel-mode run's window.
@Suite struct TraceExportTests {
    /// A stored run of `scenario` and its trace over `[from, to)`: the run's JSON, the export's output
    /// and the trace's events; the export must succeed.
    struct Exported {
        var dir: URL
        var db: String
        var run: [String: Any]
        var id: Int
        var export: ColosimResult
        var events: [[String: Any]]

        init(_ scenario: String, from: String, to: String) throws {
            dir = try RunsCLIFixtures.tempDir()
            db = dir.appendingPathComponent("runs.sqlite").path
            run = SweepCLIFixtures.object(try runColosim(["run", scenario, "--json", "--db", db]).stdout)
            id = try #require(run["run_id"] as? Int)
            let file = dir.appendingPathComponent("trace.json").path
            export = try runColosim(["trace", "export", String(id), "--db", db, "--chrome", file, "--from", from, "--to", to])
            try #require(export.exitCode == 0, "\(export.stderr)")
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
            events = try #require(doc["traceEvents"] as? [[String: Any]])
        }
    }

    @Test func exportsAKernelModeWindowWithSlicesOfBothContainers() throws {
        // Kernel mode, weights 1:1, both containers always busy (docs/isolation.md).
        let x = try Exported("scenarios/v100-ai-render-split.yaml", from: "1", to: "1.2")
        let (dir, db, run, id, all) = (x.dir, x.db, x.run, x.id, x.events)
        #expect(x.export.stdout.contains("digest \(run["digest"] as? String ?? "?") verified"))
        #expect(all.allSatisfy { ["X", "M"].contains($0["ph"] as? String) })
        let events = all.filter { $0["ph"] as? String == "X" }
        func container(_ e: [String: Any]) -> String { (e["args"] as? [String: Any])?["container"] as? String ?? "" }
        func span(_ e: [String: Any]) -> (Double, Double) {
            let ts = e["ts"] as? Double ?? -1
            return (ts, ts + (e["dur"] as? Double ?? -1))
        }
        let window = (1_000_000.0, 1_200_000.0)   // µs
        #expect(events.allSatisfy { span($0).0 >= window.0 && span($0).1 <= window.1 && span($0).0 <= span($0).1 })

        // Slices are exclusive: sorted by start they do not overlap, and (both always busy) cover the window.
        let slices = events.filter { $0["cat"] as? String == "slice" }.map { (container($0), span($0)) }.sorted { $0.1.0 < $1.1.0 }
        #expect(Set(slices.map(\.0)) == ["ai", "render"])
        #expect(zip(slices, slices.dropFirst()).allSatisfy { $0.1.1 <= $1.1.0 + 1e-6 })
        let total = slices.reduce(0) { $0 + $1.1.1 - $1.1.0 }
        #expect(abs(total - (window.1 - window.0)) < 1)
        for c in ["ai", "render"] {   // configured share 0.5 each
            let mine = slices.filter { $0.0 == c }.reduce(0) { $0 + $1.1.1 - $1.1.0 }
            #expect(abs(mine / total - 0.5) < 0.03, "\(c): \(mine / total)")
        }
        // Every context switch lies inside a slice of the container switched to, at its start.
        let switches = events.filter { $0["cat"] as? String == "context-switch" }
        #expect(!switches.isEmpty)
        #expect(switches.allSatisfy { s in
            slices.contains { $0.0 == container(s) && abs($0.1.0 - span(s).0) < 1e-6 && span(s).1 <= $0.1.1 + 1e-6 }
        })
        // Kernels of both workloads; a preemption ends each slice that was cut while its context had work.
        let kernels = Set(events.filter { $0["cat"] as? String == "kernel" }.compactMap { $0["name"] as? String })
        #expect(kernels == ["ai-train", "render-frames"])
        #expect(events.contains { $0["cat"] as? String == "preemption" })

        // Over the whole run, one context-switch event per switch the device counted.
        let whole = dir.appendingPathComponent("whole.json").path
        let w = try runColosim(["trace", "export", String(id), "--db", db, "--chrome", whole, "--from", "0", "--to", "5"])
        #expect(w.exitCode == 0, "\(w.stderr)")
        let wholeDoc = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: whole))) as? [String: Any]
        let switchCount = (wholeDoc?["traceEvents"] as? [[String: Any]] ?? []).filter { $0["cat"] as? String == "context-switch" }.count
        let counted = ((run["gpus"] as? [[String: Any]])?.first?["context_switches"] as? Int) ?? -1
        #expect(switchCount == counted && counted > 1000)

        let missing = try runColosim(["trace", "export", "99999", "--db", db, "--chrome", dir.appendingPathComponent("x.json").path])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("no run '99999'"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.json").path))
    }

    /// A user-mode run's trace carries the watcher's passes as counters and every request's latency.
    /// Hand-worked first pass (HAMi-core `delta`, V100: 80 SMs × 2,048 threads, limit 10, NVML has no
    /// sample yet so the read is 0): diff 10 > 10 / 2, so the step 80² · 2,048 · 10 / 2,560 = 51,200 is
    /// accelerated to 51,200 · 10 · 2 / 11 = 93,090 tokens; the pool (empty, nothing charged before the
    /// first pass) holds exactly that. The next pass reads the busy GPU, sets the share to 0 and leaves
    /// the pool below 0 by less than one 2,048-block kernel, having charged whole kernels.
    @Test func exportsTheUserModeWatcherAsCountersAndRequestsAsLatencies() throws {
        let x = try Exported("scenarios/v100-limiter-lone-force.yaml", from: "0", to: "1")
        #expect(x.export.stdout.contains("counter values"), "\(x.export.stdout)")
        let all = x.events
        func value(_ name: String, at ts: Double) -> Double? {
            all.first { $0["ph"] as? String == "C" && $0["name"] as? String == "lone-10 " + name && $0["ts"] as? Double == ts }
                .flatMap { ($0["args"] as? [String: Any])?["value"] as? Double }
        }
        #expect(value("utilization", at: 120_000) == 0)
        #expect(value("share", at: 120_000) == 93_090)
        #expect(value("tokens", at: 120_000) == 93_090)
        #expect(value("share", at: 240_000) == 0)
        let pool = try #require(value("tokens", at: 240_000))
        #expect(pool < 0 && pool > -2048 && (93_090 - pool).truncatingRemainder(dividingBy: 2048) == 0, "\(pool)")
        // Requests: one per completion seen, each from its arrival on; closed loop with 2 in flight.
        let requests = all.filter { $0["cat"] as? String == "request" }
        let kernels = all.filter { $0["cat"] as? String == "kernel" }
        #expect(requests.count >= kernels.count && !kernels.isEmpty)
        #expect(requests.allSatisfy { ($0["dur"] as? Double ?? -1) > 0 && $0["name"] as? String == "fed-lone request" })
    }

    @Test func clusterRunsAreRefusedWithExit2() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let db = dir.appendingPathComponent("runs.sqlite").path
        let scenario = try RunsCLIFixtures.write(SweepCLIFixtures.smallCluster(), "small.yaml", in: dir)
        let run = SweepCLIFixtures.object(try runColosim(["run", scenario, "--json", "--db", db]).stdout)
        let id = try #require(run["run_id"] as? Int)
        let r = try runColosim(["trace", "export", String(id), "--db", db, "--chrome", dir.appendingPathComponent("t.json").path])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("single-GPU"))
    }
}
