import Foundation
import Testing
import TestSupport

@Suite struct CompareCLITests {
    /// Each policy's row is the run `colosim run` makes of the scenario under that policy (digest and
    /// utilization), and every run is stored.
    @Test func singleGPUPoliciesSideBySideMatchIndividualRuns() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let db = dir.appendingPathComponent("c.sqlite").path
        let scenario = "scenarios/v100-online-preempts-offline.yaml"
        let r = try runColosim(["compare", scenario, "--policies", "burst,online-preempts-offline", "--json", "--db", db])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let rows = SweepCLIFixtures.object(r.stdout)["policies"] as? [[String: Any]] ?? []
        #expect(rows.map { $0["policy"] as? String } == ["burst", "online-preempts-offline"])
        // The scenario's own policy is online-preempts-offline: `colosim run` is the oracle for that row.
        let single = SweepCLIFixtures.object(try runColosim(["run", "--no-store", scenario, "--json"]).stdout)
        let gpu = (single["gpus"] as? [[String: Any]])?.first
        #expect(rows[1]["digest"] as? String == single["digest"] as? String)
        #expect(rows[1]["gpu_utilization"] as? Double == gpu?["utilization"] as? Double)
        #expect(rows[0]["digest"] as? String != rows[1]["digest"] as? String)
        // online-preempts-offline protects the LS tail better than burst (docs/isolation.md).
        #expect((rows[1]["p99_ms"] as? Double ?? .infinity) < (rows[0]["p99_ms"] as? Double ?? 0))
        let list = try runColosim(["runs", "list", "--db", db, "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])?.count == 2)
        // The text table has a header and one line per policy.
        let text = try runColosim(["compare", scenario, "--policies", "fixed,burst", "--db", db])
        #expect(text.exitCode == 0)
        #expect(text.stdout.contains("SLA attainment") && text.stdout.contains("fixed") && text.stdout.contains("burst"))
    }

    /// A cluster scenario compares all five co-location policies; each row equals `colosim run --policy P`.
    @Test func clusterPoliciesMatchColosimRun() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let scenario = try RunsCLIFixtures.write(SweepCLIFixtures.smallCluster(), "small.yaml", in: dir)
        let r = try runColosim(["compare", scenario, "--json", "--db", dir.appendingPathComponent("c.sqlite").path])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let rows = SweepCLIFixtures.object(r.stdout)["policies"] as? [[String: Any]] ?? []
        #expect(rows.compactMap { $0["policy"] as? String } == ["dedicated", "shared", "preemptive", "time-sliced", "tidal"])
        for row in rows {
            let p = row["policy"] as? String ?? ""
            let run = SweepCLIFixtures.object(try runColosim(["run", "--no-store", scenario, "--policy", p, "--json"]).stdout)
            let summary = run["summary"] as? [String: Any] ?? [:]
            #expect(row["digest"] as? String == run["digest"] as? String, "\(p)")
            #expect(row["gpus_used"] as? Double == summary["gpus_used_mean"] as? Double, "\(p)")
            #expect(row["gpu_utilization"] as? Double == summary["gpu_utilization_mean"] as? Double, "\(p)")
        }
    }

    @Test func badInputExitsTwo() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let db = dir.appendingPathComponent("c.sqlite").path
        let unknown = try runColosim(["compare", "scenarios/v100-online-preempts-offline.yaml", "--policies", "fixed,nosuch", "--db", db])
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr.contains("nosuch"))
        let badSet = try runColosim(["compare", "scenarios/v100-online-preempts-offline.yaml", "--set", "containers.nosuch.weight=2", "--db", db])
        #expect(badSet.exitCode == 2)
        #expect(badSet.stderr.contains("nosuch"))
        let missing = try runColosim(["compare", "scenarios/does-not-exist.yaml", "--db", db])
        #expect(missing.exitCode == 2)
        #expect(try runColosim(["compare", "scenarios/v100-online-preempts-offline.yaml", "--jobs", "0", "--db", db]).exitCode == 2)
        // Nothing was run, so nothing was stored.
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
