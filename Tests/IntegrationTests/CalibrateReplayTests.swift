import Foundation
import Testing
import TestSupport

/// Must-show 5: `colosim calibrate replay ../shared/calibration/h200-run1.configs.jsonl --profile h200`
/// meets the targets of ../shared/calibration/README.md, checked here against the measured values
/// the command echoes (and the file itself).
@Suite struct CalibrateReplayTests {
    static let file = "../shared/calibration/h200-run1.configs.jsonl"

    func figures(_ row: [String: Any], _ key: String) -> [String: Any] { row[key] as? [String: Any] ?? [:] }
    func num(_ d: [String: Any], _ k: String) -> Double? { (d[k] as? NSNumber)?.doubleValue }

    @Test func h200ReplayMeetsTheCalibrationTargets() throws {
        let r = try runColosim(["calibrate", "replay", Self.file, "--profile", "h200", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rows = try #require(obj["rows"] as? [[String: Any]])
        // Every configuration of the file, in order (independent oracle: the file itself).
        let text = try String(contentsOf: repositoryRoot().appendingPathComponent(Self.file), encoding: .utf8)
        let names = text.split(separator: "\n").compactMap { line -> String? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["config"] as? String
        }
        #expect(rows.compactMap { $0["config"] as? String } == names)
        #expect(names.count == 11)
        for row in rows {
            let name = row["config"] as? String ?? "?"
            let m = figures(row, "measured"), p = figures(row, "predicted")
            let mUnstable = m["unstable"] as? Bool, pUnstable = p["unstable"] as? Bool
            #expect(mUnstable == pUnstable, "\(name): instability measured \(String(describing: mUnstable)) predicted \(String(describing: pUnstable))")
            if mUnstable == false {
                let m50 = try #require(num(m, "p50_us")), p50 = try #require(num(p, "p50_us"))
                let m99 = try #require(num(m, "p99_us")), p99 = try #require(num(p, "p99_us"))
                #expect(abs(p50 - m50) / m50 <= 0.25, "\(name): p50 \(p50) vs \(m50)")
                #expect(abs(p99 - m99) / m99 <= 0.35, "\(name): p99 \(p99) vs \(m99)")
            }
            if let mb = num(m, "be_kernels_per_s") {
                let pb = try #require(num(p, "be_kernels_per_s"))
                #expect(abs(pb - mb) / mb <= 0.10, "\(name): BE \(pb) vs \(mb)")
            } else {
                #expect(p["be_kernels_per_s"] is NSNull)
            }
            if mUnstable == nil { #expect(p["p50_us"] is NSNull && p["unstable"] is NSNull) }
        }
        // The measured side is the file's own numbers.
        #expect(num(figures(rows[0], "measured"), "p50_us") == 212.6)
    }

    @Test func textTableMarksUnstableRows() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("calib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let text = try String(contentsOf: repositoryRoot().appendingPathComponent(Self.file), encoding: .utf8)
        let lines = text.split(separator: "\n")
        // solo-r1000 (stable) and procs-r1000-be2ms (unstable) only, to keep the test short.
        let f = dir.appendingPathComponent("two.configs.jsonl")
        try (lines[0] + "\n" + lines[3] + "\n").write(to: f, atomically: true, encoding: .utf8)
        let r = try runColosim(["calibrate", "replay", f.path, "--profile", "h200"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.contains("procs-r1000-be2ms"))
        #expect(r.stdout.contains("yes/yes"))
        #expect(r.stdout.contains("2/2 configurations meet the targets"))
    }

    @Test func malformedCalibrationFileNamesFileLineAndField() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("calib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let good = #"{"config": "x", "sharing": "solo", "ls_rate_per_s": 100, "ls_kernel_us": 200.0, "be_kernel_ms": null, "be_block_us": null, "seconds": 1, "ls_in_flight": 1, "be_in_flight": 2, "sms": 132, "blocks_per_sm": 8, "ls": {"n": 100, "mean_us": 210, "p50_us": 205, "p99_us": 400}, "be_kernels_per_s": null}"#
        let cases: [(String, String)] = [
            (good.replacingOccurrences(of: #""sharing": "solo""#, with: #""sharing": "mps""#), "sharing"),
            (good.replacingOccurrences(of: #""seconds": 1"#, with: #""seconds": "long""#), "seconds"),
            (good.replacingOccurrences(of: #""ls_kernel_us": 200.0"#, with: #""ls_kernel_us": -5"#), "ls_kernel_us"),
            (good.replacingOccurrences(of: #""p99_us": 400"#, with: #""p99": 400"#), "ls.p99_us"),
            (good.replacingOccurrences(of: #""sms": 132, "#, with: ""), "sms"),
        ]
        for (i, (bad, field)) in cases.enumerated() {
            let f = dir.appendingPathComponent("bad\(i).configs.jsonl")
            try (good + "\n" + bad + "\n").write(to: f, atomically: true, encoding: .utf8)
            let r = try runColosim(["calibrate", "replay", f.path, "--profile", "h200"])
            #expect(r.exitCode == 2)
            #expect(r.stderr.contains("bad\(i).configs.jsonl:2: field '\(field)'"), "\(r.stderr)")
        }
        let notJSON = dir.appendingPathComponent("nojson.configs.jsonl")
        try "{oops\n".write(to: notJSON, atomically: true, encoding: .utf8)
        let r = try runColosim(["calibrate", "replay", notJSON.path])
        #expect(r.exitCode == 2 && r.stderr.contains("nojson.configs.jsonl:1:"))
        let missing = try runColosim(["calibrate", "replay", dir.appendingPathComponent("none.jsonl").path])
        #expect(missing.exitCode == 2)
        let badProfile = try runColosim(["calibrate", "replay", Self.file, "--profile", "z80"])
        #expect(badProfile.exitCode == 2 && badProfile.stderr.contains("--profile"))
    }
}

/// Held-out H200 measurements (calibration/h200-run2, not used by the fit): stable LS queues under
/// native time-slicing test the fitted timeslice and switch cost directly.
@Suite struct CalibrateHeldOutTests {
    @Test func fittedTimeSlicingPredictsHeldOutStableQueues() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("calib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let text = try String(contentsOf: repositoryRoot().appendingPathComponent("calibration/h200-run2.configs.jsonl"),
                              encoding: .utf8)
        let procs = text.split(separator: "\n").filter { $0.contains(#""sharing": "procs""#) }
        #expect(procs.count == 3)
        let f = dir.appendingPathComponent("procs.configs.jsonl")
        try (procs.joined(separator: "\n") + "\n").write(to: f, atomically: true, encoding: .utf8)
        let r = try runColosim(["calibrate", "replay", f.path, "--profile", "h200", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rows = try #require(obj["rows"] as? [[String: Any]])
        #expect(rows.count == 3)
        for row in rows { #expect(row["meets_targets"] as? Bool == true, "\(row)") }
    }
}
