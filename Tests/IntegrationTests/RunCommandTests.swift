import Foundation
import Testing
import TestSupport

/// `colosim run` through the built binary: exit codes, error messages and the JSON contract.
@Suite struct RunCommandTests {
    func tempScenario(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("colosim-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    let valid = """
    duration_s: 0.5
    isolation:
      engine: kernel-mode
    containers:
      - name: a
        weight: 1
        workloads:
          - {name: enc, kind: codec, engine: nvenc}
    """

    @Test func unknownKeyExitsWith2NamingFileLineAndField() throws {
        let path = try tempScenario(valid.replacingOccurrences(of: "weight: 1", with: "weigth: 1"))
        let r = try runColosim(["run", "--no-store", path])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("\(path):6: field 'containers[0].weigth': unknown key 'weigth'"))
    }

    @Test func wrongTypeExitsWith2() throws {
        let path = try tempScenario(valid.replacingOccurrences(of: "duration_s: 0.5", with: "duration_s: soon"))
        let r = try runColosim(["run", "--no-store", path])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("\(path):1: field 'duration_s': expected a number, got 'soon'"))
    }

    @Test func negativeWeightExitsWith2() throws {
        let path = try tempScenario(valid.replacingOccurrences(of: "weight: 1", with: "weight: -3"))
        let r = try runColosim(["run", "--no-store", path])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("\(path):6: field 'containers[0].weight': must be > 0, got -3"))
    }

    @Test func missingFileExitsWith2() throws {
        let r = try runColosim(["run", "--no-store", "scenarios/no-such-file.yaml"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("no-such-file.yaml"))
    }

    @Test func jsonHasTheContractKeys() throws {
        let r = try runColosim(["run", "--no-store", try tempScenario(valid), "--json", "--seed", "7"])
        #expect(r.exitCode == 0)
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(obj?["digest"] is String)
        let gpus = obj?["gpus"] as? [[String: Any]]
        #expect(gpus?.first.map { Set($0.keys).isSuperset(of: ["id", "utilization", "sm_utilization"]) } == true)
        let workloads = obj?["workloads"] as? [[String: Any]]
        #expect(workloads?.allSatisfy {
            Set($0.keys).isSuperset(of: ["name", "kind", "latency_p50_ms", "latency_p99_ms", "sla_attainment", "throughput_per_s"])
        } == true)
        let containers = obj?["containers"] as? [[String: Any]]
        #expect(containers?.first.map { Set($0.keys).isSuperset(of: ["name", "engine", "configured_share", "achieved_share"]) } == true)
        let achieved = containers?.first?["achieved_share"] as? [String: Any]
        #expect(achieved.map { Set($0.keys) == ["compute", "render", "nvenc", "nvdec"] } == true)
        #expect(obj?["seed"] as? Int == 7)
    }

    @Test func sameSeedGivesTheSameDigest() throws {
        let path = try tempScenario(valid)
        let a = try runColosim(["run", "--no-store", path, "--json"])
        let b = try runColosim(["run", "--no-store", path, "--json"])
        #expect(a.exitCode == 0 && a.stdout == b.stdout)
    }

    @Test func runIsStoredWithItsIDAndNoStoreSkipsIt() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let db = dir.appendingPathComponent("runs.sqlite").path
        let path = try tempScenario(valid)
        let r = try runColosim(["run", path, "--json", "--db", db])
        #expect(r.exitCode == 0)
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let id = try #require(obj?["run_id"] as? Int)
        let shown = try runColosim(["runs", "show", String(id), "--db", db, "--json"])
        #expect(shown.exitCode == 0)
        #expect(shown.stdout.contains(obj?["digest"] as? String ?? "missing"))
        let text = try runColosim(["run", path, "--db", db])
        #expect(text.stdout.contains("run id \(id + 1) "))
        let other = dir.appendingPathComponent("none.sqlite").path
        let skipped = try runColosim(["run", path, "--json", "--no-store", "--db", other])
        #expect(skipped.exitCode == 0)
        #expect(!skipped.stdout.contains("run_id"))
        #expect(!FileManager.default.fileExists(atPath: other))
    }
}
