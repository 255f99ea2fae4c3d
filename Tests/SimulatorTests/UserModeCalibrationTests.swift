import ColoModel
import SimEngine
import Testing
@testable import Simulator

/// The normalized user-mode calibration format and its replay.
@Suite struct UserModeCalibrationTests {
    static let solo = #""solo": {"be2ms": 517.5, "closed": 4781.0}"#

    static func line(_ containers: String, policy: String = "force") -> String {
        #"{"config": "t", "profile": "h200", "seconds": 2.0, "engine": "hami-core", "utilization_policy": ""# + policy
            + #"", "# + solo + #", "containers": ["# + containers + "]}"
    }

    static let be = #""workload": {"kind": "kernels", "arrival": "closed-loop", "in_flight": 2, "kernel_us": 1932.8, "grid_blocks": 42240, "block_us": 48.3}"#

    @Test func parsesContainersAndNamesTheBadField() throws {
        let ok = Self.line(#"{"name": "a", "limit_percent": 10, "memory_limit_mib": null, "# + Self.be + #", "measured": {"throughput_per_s": 53.3}}"#)
        #expect(UserModeCalibrationConfig.isUserModeLine(ok))
        let c = try UserModeCalibrationConfig.parse(line: ok, number: 1)
        #expect(c.policy == .force && c.containers.count == 1 && c.containers[0].limitPercent == 10)
        #expect(c.soloThroughput(of: c.containers[0]) == 517.5)
        let bad = Self.line(#"{"name": "a", "limit_percent": 101, "# + Self.be + #", "measured": {}}"#)
        #expect(throws: CalibrationParseError(line: 3, field: "containers[0].limit_percent",
                                               message: "expected an integer in 0...100, got 101.0")) {
            try UserModeCalibrationConfig.parse(line: bad, number: 3)
        }
        // A run longer than the bound (it sizes the synchronizing client's arrival queue) is refused.
        let long = ok.replacingOccurrences(of: #""seconds": 2.0"#, with: #""seconds": 1e9"#)
        #expect(throws: CalibrationParseError(line: 4, field: "seconds",
                                               message: "must be <= 60.0 s (the probe's runs are seconds long), got 1000000000.0")) {
            try UserModeCalibrationConfig.parse(line: long, number: 4)
        }
        let policy = Self.line(#"{"name": "a", "limit_percent": 10, "# + Self.be + #", "measured": {}}"#, policy: "sometimes")
        #expect(throws: CalibrationParseError.self) { try UserModeCalibrationConfig.parse(line: policy, number: 1) }
    }

    @Test func checksUseTheIssueTolerances() {
        let t = UserModeCalibrationCheck.make(container: "a", figure: "throughput_per_s", measured: 3.9, predicted: 19,
                                              solo: 517.5, n: nil)
        #expect(abs(t.tolerance - 15.525) < 1e-9 && t.holds)
        let p99 = UserModeCalibrationCheck.make(container: "ls", figure: "p99_us", measured: 5000, predicted: 7900,
                                                solo: nil, n: 534)
        #expect(p99.tolerance == 3000 && p99.holds)
        let mem = UserModeCalibrationCheck.make(container: "a", figure: "allocated_mib", measured: 256, predicted: 768,
                                                solo: nil, n: nil)
        #expect(!mem.holds)
    }

    /// A 1 GiB limit: the context (518 MiB) and one 256 MiB chunk fit, the second chunk does not.
    @Test func memoryQuotaStopsAfterOneChunkUnderOneGiB() throws {
        let line = Self.line(#"{"name": "a", "limit_percent": 100, "memory_limit_mib": 1024, "workload": {"kind": "memory", "chunk_mib": 256, "cap_mib": 4096}, "measured": {"allocated_mib": 256}}"#)
        let row = try UserModeCalibrationReplay.replay(try UserModeCalibrationConfig.parse(line: line, number: 1), profile: .h200)
        #expect(row.predicted["a"]?.allocatedMiB == 256)
        #expect(row.checksHeld == 1)
    }

    /// Two limited BE containers started together (10 / 90): both watchers read container a's NVML
    /// samples, so b (limit 90) sees ≤ 90% and runs unthrottled while a holds itself near its limit.
    @Test func pairStartedTogetherLeavesTheNinetyContainerUnthrottled() throws {
        let line = Self.line(#"{"name": "a", "limit_percent": 10, "# + Self.be + #", "measured": {"throughput_per_s": 3.9}}, "#
            + #"{"name": "b", "limit_percent": 90, "# + Self.be + #", "measured": {"throughput_per_s": 513.7}}"#)
        let c = try UserModeCalibrationConfig.parse(line: line, number: 1)
        let r = try GPUSimulation.run(UserModeCalibrationReplay.simulation(for: c, profile: .h200, seed: 1))
        let a = r.workloads.first { $0.name == "a" }?.throughputPerSecond ?? 0
        let b = r.workloads.first { $0.name == "b" }?.throughputPerSecond ?? 0
        #expect(b > 0.75 * 517.5)
        #expect(a < 0.25 * 517.5)
    }
}
