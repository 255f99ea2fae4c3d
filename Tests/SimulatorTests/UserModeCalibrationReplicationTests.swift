import ColoModel
import Foundation
import SimEngine
import Testing
@testable import Simulator

/// The user-mode replay's prediction is the mean over arrival seeds (replications), with its
/// standard error; it does not depend on the number of threads.
@Suite struct UserModeCalibrationReplicationTests {
    /// An LS client (Poisson, 100/s, 200 µs kernels) beside a limited BE, as run 1's `lsbe-*` runs
    /// but 0.5 s long: the LS figures depend on the arrival seed.
    static let lsbe: String = {
        let be = #""workload": {"kind": "kernels", "arrival": "closed-loop", "in_flight": 2, "kernel_us": 1932.8, "grid_blocks": 42240, "block_us": 48.3}"#
        let ls = #""workload": {"kind": "kernels", "arrival": "poisson", "rate_per_s": 100, "in_flight": 1, "kernel_us": 200, "grid_blocks": 1056, "block_us": 200}"#
        return #"{"config": "t", "profile": "h200", "seconds": 0.5, "engine": "hami-core", "utilization_policy": "force", "#
            + #""solo": {"be2ms": 517.5}, "containers": [{"name": "be", "limit_percent": 50, "# + be
            + #", "measured": {"throughput_per_s": 294}}, {"name": "ls", "limit_percent": 50, "# + ls
            + #", "measured": {"p50_us": 977, "p99_us": 5637, "n": 50}}]}"#
    }()

    /// Hand-worked: values 1, 2, 3, 4 have mean 2.5, sample variance 5/3, standard error √(5/3 / 4) = 0.6455.
    @Test func anEstimateIsTheMeanWithItsStandardError() throws {
        let e = try #require(UserModeCalibrationReplay.Estimate([1, 2, 3, 4]))
        #expect(e.mean == 2.5)
        #expect(abs((e.standardError ?? 0) - (5.0 / 3.0 / 4.0).squareRoot()) < 1e-12)
        #expect(UserModeCalibrationReplay.Estimate([7])?.standardError == nil)
        #expect(UserModeCalibrationReplay.Estimate([]) == nil)
    }

    /// Oracle: the replay of three replications from seed 7 predicts the mean of the one-replication
    /// replays at seeds 7, 8 and 9, with their sample standard deviation over √3 as its standard error;
    /// on two threads it gives the same figures and digest as on one.
    @Test func replicationsAverageTheSingleSeedPredictions() throws {
        let c = try UserModeCalibrationConfig.parse(line: Self.lsbe, number: 1)
        let singles = try (7...9).map { try UserModeCalibrationReplay.replay(c, profile: .h200, seed: UInt64($0), replications: 1) }
        let three = try UserModeCalibrationReplay.replay(c, profile: .h200, seed: 7, replications: 3, jobs: 1)
        let parallel = try UserModeCalibrationReplay.replay(c, profile: .h200, seed: 7, replications: 3, jobs: 2)
        #expect(three.replications == 3 && singles.allSatisfy { $0.replications == 1 })
        #expect(parallel.digest == three.digest && parallel.checks == three.checks)
        for (i, check) in three.checks.enumerated() {
            let values = singles.compactMap { $0.checks[i].predicted }
            try #require(values.count == 3)
            #expect(singles.allSatisfy { $0.checks[i].standardError == nil })
            let mean = values.reduce(0, +) / 3
            let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 2).squareRoot()
            let p = try #require(check.predicted)
            #expect(abs(p - mean) <= 1e-9 * max(1, abs(mean)), "\(check.container) \(check.figure): \(p) vs \(mean)")
            #expect(abs((check.standardError ?? -1) - sd / 3.0.squareRoot()) <= 1e-9 * max(1, sd))
        }
        // The LS p50 does depend on the arrivals: the three seeds do not all agree.
        let p50 = try #require(three.checks.firstIndex { $0.figure == "p50_us" })
        #expect(Set(singles.compactMap { $0.checks[p50].predicted }).count > 1)
    }
}
