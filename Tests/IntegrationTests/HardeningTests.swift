import Foundation
import Testing
import TestSupport

/// Issue 14's reproducers through the real binary: each ends with exit 0 or 2 and, for 2, a message
/// that names the file and line (or the flag); never a signal.
@Suite struct HardeningTests {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("colosim-harden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    /// `scenario` from scenarios/ with the first `old` replaced by `new`, written under the test folder.
    func variant(_ scenario: String, _ old: String, _ new: String, name: String) throws -> String {
        let text = try String(contentsOf: repositoryRoot().appendingPathComponent("scenarios/\(scenario)"), encoding: .utf8)
        let range = try #require(text.range(of: old), "\(old) not in \(scenario)")
        let path = dir.appendingPathComponent(name).path
        try text.replacingCharacters(in: range, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func expectLocatedRefusal(_ r: ColosimResult, _ file: String, field: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.exitCode == 2, "exit \(r.exitCode): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains("\(file):"), "not located: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.range(of: #":\d+: "#, options: .regularExpression) != nil, "no line: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(field), "field \(field) not named: \(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ("v100-limiter-10-90.yaml", "duration_s: 20", "duration_s: 1e10", "duration_s"),
        ("v100-limiter-10-90.yaml", "duration_s: 20", "duration_s: 1e12", "duration_s"),
        ("v100-limiter-10-90.yaml", "work_us: 1000", "work_us: 1e300", "work_us"),
        ("v100-limiter-10-90.yaml", "block_us: 250", "block_us: 1e300", "block_us"),
        ("v100-limiter-10-90.yaml", "in_flight: 2", "in_flight: 2147483647", "in_flight"),
        ("multi-scheduler.yaml", "rate_per_s: 0.1", "rate_per_s: 1e300", "rate_per_s"),
        ("v100-ai-render-split.yaml", "weight: 50", "weight: 1e308", "weight"),
        ("recsys-colocation.yaml", "duration_s: 86400", "duration_s: 1e10", "duration_s"),
    ])
    func absurdScenarioNumbersAreRefusedWithFileLineAndField(_ c: (String, String, String, String)) throws {
        let path = try variant(c.0, c.1, c.2, name: "absurd.yaml")
        expectLocatedRefusal(try runColosim(["run", path, "--no-store"]), path, field: c.3)
    }

    @Test func aSeedAboveInt64IsAcceptedAndWrittenOut() throws {
        let r = try runColosim(["run", "scenarios/v100-limiter-lone.yaml", "--seed", "9223372036854775808", "--json", "--no-store"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"seed\":9223372036854775808"))
        let yaml = try variant("v100-limiter-lone.yaml", "seed: 1", "seed: 18446744073709551615", name: "seed.yaml")
        let s = try runColosim(["run", yaml, "--json", "--no-store"])
        #expect(s.exitCode == 0, "\(s.stderr)")
        #expect(s.stdout.contains("\"seed\":18446744073709551615"))
    }

    @Test(arguments: [("\"sms\": 132", "\"sms\": 1e19", "sms"), ("\"seconds\": 4", "\"seconds\": 1e12", "seconds"),
                      ("\"ls_kernel_us\": 200.0", "\"ls_kernel_us\": 1e300", "ls_kernel_us")])
    func absurdCalibrationNumbersAreRefusedWithLineAndField(_ c: (String, String, String)) throws {
        let source = "../shared/calibration/h200-run1.configs.jsonl"
        let text = try String(contentsOf: repositoryRoot().appendingPathComponent(source), encoding: .utf8)
        let first = String(text.split(separator: "\n")[0]).replacingOccurrences(of: c.0, with: c.1)
        let path = dir.appendingPathComponent("cal.jsonl").path
        try first.write(toFile: path, atomically: true, encoding: .utf8)
        expectLocatedRefusal(try runColosim(["calibrate", "replay", path, "--profile", "h200"]), path, field: c.2)
    }

    @Test func theSimulationBudgetStopsAnAbsurdRunWithAClearMessage() throws {
        let r = try runColosim(["run", "scenarios/v100-limiter-10-90.yaml", "--no-store"], environment: ["COLOSIM_MAX_EVENTS": "5000"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("simulation budget") && r.stderr.contains("COLOSIM_MAX_EVENTS"), "\(r.stderr)")
        let p = try runColosim(["bench", "phold", "--end-time", "1e308"], environment: ["COLOSIM_MAX_EVENTS": "5000"])
        #expect(p.exitCode == 2)
        #expect(p.stderr.contains("simulation budget"), "\(p.stderr)")
    }

    @Test func clusterStepsAndSeedListsHaveLimits() throws {
        let plan = try runColosim(["plan", "scenarios/recsys-colocation.yaml", "--set", "step_s=1e-9",
                                   "--db", dir.appendingPathComponent("p.sqlite").path])
        #expect(plan.exitCode == 2)
        #expect(plan.stderr.contains("step_s") && plan.stderr.contains("steps"), "\(plan.stderr)")
        let place = try runColosim(["place", "--nodes", "x.csv", "--pods", "y.csv", "--seeds", "1-100000"])
        #expect(place.exitCode == 2)
        #expect(place.stderr.contains("--seeds") && place.stderr.contains("at most 100 "), "\(place.stderr)")
        let export = try runColosim(["trace", "export", "1", "--chrome", "t.json", "--to", "1e10", "--db", "none.sqlite"])
        #expect(export.exitCode == 2)
        #expect(export.stderr.contains("--to"), "\(export.stderr)")
        for (flag, value) in [("--replications", "0"), ("--replications", "1001"), ("--jobs", "0")] {
            let r = try runColosim(["calibrate", "replay", "../shared/calibration/hami/hami-h200-run1.configs.jsonl", flag, value])
            #expect(r.exitCode == 2)
            #expect(r.stderr.contains(flag), "\(r.stderr)")
        }
    }

    @Test func negativeFlagValuesReachTheOptionsOwnCheck() throws {
        let r = try runColosim(["run", "scenarios/v100-limiter-lone.yaml", "--seed", "-5", "--no-store"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("'-5' is invalid for '--seed"), "\(r.stderr)")
        #expect(!r.stderr.contains("Missing value"))
    }

    @Test func anInvalidClusterFileReportsItsOwnErrorUnderPolicyAndExplain() throws {
        let path = dir.appendingPathComponent("bad-cluster.yaml").path
        try "schema: cluster\nname: x\n  bad: [\n".write(toFile: path, atomically: true, encoding: .utf8)
        for flags in [["--policy", "shared"], ["--explain", "3"]] {
            let r = try runColosim(["run", path, "--no-store"] + flags)
            #expect(r.exitCode == 2)
            #expect(r.stderr.contains("\(path):3:"), "\(r.stderr)")
            #expect(!r.stderr.contains("cluster scenarios"), "\(r.stderr)")
        }
    }

    @Test(arguments: [("crlf.yaml", "schema: cluster\r\nname: x\r\nduration_s: 1e10\r\n"),
                      ("control.yaml", "name: x\nduration_s: 5\u{1}\n")])
    func controlCharactersAndCRLFGiveLocatedMessages(_ c: (String, String)) throws {
        let path = dir.appendingPathComponent(c.0).path
        try c.1.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try runColosim(["run", path, "--no-store"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.range(of: NSRegularExpression.escapedPattern(for: path) + #":\d+: "#, options: .regularExpression) != nil,
                "\(r.stderr)")
    }

    @Test func nonUTF8ScenariosNameTheLine() throws {
        let path = dir.appendingPathComponent("latin1.yaml").path
        try Data("name: x\nduration_s: 5\ndescription: caf\u{e9}\n".data(using: .isoLatin1) ?? Data()).write(to: URL(fileURLWithPath: path))
        let r = try runColosim(["run", path, "--no-store"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("\(path):3:") && r.stderr.contains("UTF-8"), "\(r.stderr)")
    }
}
