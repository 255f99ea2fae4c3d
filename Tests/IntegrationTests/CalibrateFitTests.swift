import Foundation
import Testing
import TestSupport

/// `colosim calibrate fit`: a short fit never ends worse than where it started, and reports the
/// fitted constants.
@Suite struct CalibrateFitTests {
    @Test func shortFitDoesNotWorsenTheObjective() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let text = try String(contentsOf: repositoryRoot().appendingPathComponent("../shared/calibration/h200-run1.configs.jsonl"),
                              encoding: .utf8)
        let lines = text.split(separator: "\n")
        // solo-r1000 and prio-r1000-be2ms shortened to 1 s: host latency and block wait matter.
        let f = dir.appendingPathComponent("two.configs.jsonl")
        let short = [lines[0], lines[5]].map { $0.replacingOccurrences(of: #""seconds": 4"#, with: #""seconds": 1"#) }
        #expect(short.allSatisfy { $0.contains(#""seconds": 1"#) })
        try (short.joined(separator: "\n") + "\n").write(to: f, atomically: true, encoding: .utf8)
        let r = try runColosim(["calibrate", "fit", f.path, "--profile", "v100-sxm2-16gb", "--iterations", "2", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let start = try #require(obj["objective_start"] as? Double)
        let fitted = try #require(obj["objective_fitted"] as? Double)
        #expect(fitted <= start)
        let p = try #require(obj["fitted"] as? [String: Any])
        #expect(Set(p.keys) == ["timeslice_ms", "context_switch_us", "priority_block_wait", "host_round_trip_us"])
        #expect((obj["start"] as? [String: Any])?["timeslice_ms"] as? Double == 2.0)
        let bad = try runColosim(["calibrate", "fit", f.path, "--iterations", "0"])
        #expect(bad.exitCode == 2)
    }
}
