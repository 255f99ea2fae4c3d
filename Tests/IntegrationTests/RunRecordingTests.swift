import Foundation
import Testing
import TestSupport

/// `colosim run` records latency CDFs and utilization series that `colosim report` charts.
@Suite struct RunRecordingTests {
    func stored(_ scenario: String, db: String) throws -> [String: Any] {
        let run = SweepCLIFixtures.object(try runColosim(["run", scenario, "--json", "--db", db]).stdout)
        let id = try #require(run["run_id"] as? Int)
        let shown = try runColosim(["runs", "show", String(id), "--db", db, "--json"])
        #expect(shown.exitCode == 0)
        return SweepCLIFixtures.object(shown.stdout)
    }

    /// The CDFs are increasing, end at fraction 1, and their 0.99 point equals the p99 the run reported.
    func checkCDFs(_ record: [String: Any], expecting names: Set<String>) throws {
        let cdfs = try #require(record["latencyCDFs"] as? [[String: Any]])
        #expect(Set(cdfs.compactMap { $0["workload"] as? String }).isSuperset(of: names))
        let workloads = try #require(record["workloads"] as? [[String: Any]])
        for c in cdfs {
            let points = try #require(c["points"] as? [[String: Double]])
            #expect(points.count == 102)
            let x = points.compactMap { $0["latencyMs"] }, f = points.compactMap { $0["fraction"] }
            #expect(zip(x, x.dropFirst()).allSatisfy { $0 <= $1 })
            #expect(zip(f, f.dropFirst()).allSatisfy { $0 < $1 })
            #expect(f.last == 1)
            let w = workloads.first { $0["name"] as? String == c["workload"] as? String }
            let p99 = (w?["metrics"] as? [String: Any])?["p99_ms"] as? Double
            let at99 = points.first { $0["fraction"] == 0.99 }?["latencyMs"]
            #expect(p99 != nil && at99 != nil && abs((at99 ?? 0) - (p99 ?? 1)) <= 1e-9 * (p99 ?? 1))
        }
    }

    @Test func clusterRunRecordsCDFsAndAUtilizationSeriesThatAveragesToTheSummary() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let db = dir.appendingPathComponent("runs.sqlite").path
        let record = try stored("scenarios/recsys-colocation.yaml", db: db)
        try checkCDFs(record, expecting: ["rec-recall", "rec-ranking", "rec-rerank", "rec-feature"])
        let cdfs = record["latencyCDFs"] as? [[String: Any]] ?? []
        #expect(cdfs.allSatisfy { $0["slaTargetMs"] as? Double == 50 })
        let series = try #require(record["series"] as? [String: [[String: Double]]])
        let u = try #require(series["gpu_utilization"]), g = try #require(series["gpus_used"])
        #expect(u.count > 100 && u.count == g.count)
        // Σ u·g / Σ g over equal-width buckets = duty time / used-GPU time = the summary's mean utilization.
        let weighted = zip(u, g).reduce(0) { $0 + ($1.0["value"] ?? 0) * ($1.1["value"] ?? 0) }
        let mean = weighted / g.reduce(0) { $0 + ($1["value"] ?? 0) }
        let summary = (record["summary"] as? [String: Any])?["gpu_utilization"] as? Double ?? -1
        #expect(abs(mean - summary) <= 0.005 * summary)

        let html = dir.appendingPathComponent("run.html").path
        let report = try runColosim(["report", String(record["id"] as? Int ?? 0), "--db", db, "--html", html])
        #expect(report.exitCode == 0)
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.contains("Latency CDF — rec-recall") && text.contains("GPU utilization over time"))
    }

    @Test func singleGPURunRecordsCDFsWithTheSLA() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let record = try stored("scenarios/v100-tune-ls-be.yaml", db: dir.appendingPathComponent("runs.sqlite").path)
        try checkCDFs(record, expecting: [])
        let cdfs = record["latencyCDFs"] as? [[String: Any]] ?? []
        #expect(cdfs.contains { $0["slaTargetMs"] as? Double == 25 })
        #expect((record["series"] as? [String: Any])?["gpu_utilization"] != nil)
    }
}
