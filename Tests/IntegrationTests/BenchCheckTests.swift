import ColosimCLI
import Foundation
import Regression
import SimEngine
import Testing
import TestSupport

/// `colosim bench check` against the committed golden file (Tests/Golden/bench-check.json).
@Suite struct BenchCheckTests {
    static let root = repositoryRoot().path
    static let goldenPath = root + "/Tests/Golden/bench-check.json"

    func golden() throws -> GoldenFile { try BenchCheck.loadGolden(Self.goldenPath) }

    /// Must-show 1: a longer kernel-mode slice (2 ms → 3 ms, the default of `KernelModeParameters.unitNs`)
    /// fails the check and names the metrics that moved; the unchanged code passes.
    @Test func changedKernelModeSliceFailsNamingMovedMetrics() throws {
        let suite = BenchCheckSuite.standard(root: Self.root)
        let golden = try golden()
        let only = "scenario/v100-kernel-fixed-idle"

        let unchanged = try BenchCheck.compare(suite: suite, golden: golden, only: only)
        #expect(!unchanged.comparison.failed, "\(unchanged.comparison.table(failuresOnly: true))")

        let changed = try BenchCheck.compare(suite: suite, golden: golden, only: only,
                                             transform: .kernelModeSlice(.milliseconds(3)))
        #expect(changed.comparison.failed)
        let moved = Set(changed.comparison.failures.map(\.metric))
        // Slices of 3 ms instead of 2 ms: a third fewer slice boundaries in the 2 s both containers are busy.
        #expect(moved.contains("digest"))
        #expect(moved.contains("gpus.0.context_switches"))
        let switches = changed.comparison.rows.first { $0.metric == "gpus.0.context_switches" }
        let g = try #require(switches?.golden), n = try #require(switches?.now)
        #expect(n < g)
        #expect(changed.comparison.rows.first { $0.metric == "digest" }?.verdict == .changed)
        // What did not move is not reported as moved.
        #expect(!moved.contains("simulated_s"))
    }

    /// A digest change with every metric within tolerance still fails, as "digest changed".
    @Test func digestOnlyChangeFails() throws {
        var golden = try golden()
        let name = "scenario/v100-kernel-fixed-idle"
        let i = try #require(golden.cases.firstIndex { $0.name == name })
        golden.cases[i].digest = "0123456789abcdef"
        let out = try BenchCheck.compare(suite: .standard(root: Self.root), golden: golden, only: name)
        #expect(out.comparison.failed)
        #expect(out.comparison.failures.map(\.metric) == ["digest"])
        #expect(out.comparison.failures.first?.verdict == .digestChanged)
    }

    @Test func cliPassesOnUnchangedCodeAndPrintsTheTable() throws {
        let r = try runColosim(["bench", "check", "--only", "scenario/v100-kernel-burst-return"])
        #expect(r.exitCode == 0, "\(r.stdout)\(r.stderr)")
        let header = r.stdout.split(separator: "\n").first.map { $0.split(separator: " ") }
        #expect(header == ["metric", "golden", "now", "delta", "verdict"])
        #expect(r.stdout.contains("PASS: 1 cases"))

        let j = try runColosim(["bench", "check", "--only", "scenario/v100-kernel-burst-return", "--json"])
        #expect(j.exitCode == 0)
        let obj = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any]
        #expect(obj?["passed"] as? Bool == true)
        let rows = obj?["rows"] as? [[String: Any]] ?? []
        #expect(rows.contains { $0["metric"] as? String == "gpus.0.context_switches" && $0["verdict"] as? String == "ok" })
    }

    @Test func cliRejectsBadFlags() throws {
        let noReason = try runColosim(["bench", "check", "--update"])
        #expect(noReason.exitCode == 2)
        #expect(noReason.stderr.contains("--reason"))
        let unknown = try runColosim(["bench", "check", "--only", "no-such-case"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr.contains("no case matches 'no-such-case'"))
    }

    /// `--update --reason` writes the golden values and the reason; the next check passes; a changed
    /// golden value then fails with exit 1.
    @Test func cliUpdateRecordsTheReason() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bench-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("golden.json").path
        let only = "scenario/v100-limiter-lone-force"
        let first = try runColosim(["bench", "check", "--only", only, "--golden", path])
        #expect(first.exitCode == 1)
        #expect(first.stdout.contains("NEW"))
        let update = try runColosim(["bench", "check", "--only", only, "--golden", path,
                                     "--update", "--reason", "first baseline"])
        #expect(update.exitCode == 0, "\(update.stderr)")
        var written = try GoldenFile.decode(Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written.reason == "first baseline")
        #expect(written.history.map(\.reason) == ["first baseline"])
        #expect(written.cases.map(\.name) == [only])
        #expect(try runColosim(["bench", "check", "--only", only, "--golden", path]).exitCode == 0)

        // The committed golden file agrees with what was just recorded.
        #expect(try golden().goldenCase(only) == written.cases.first)

        let m = try #require(written.cases[0].metrics.firstIndex { $0.name == "gpus.0.utilization" })
        written.cases[0].metrics[m].value += 0.01
        try written.encoded().write(to: URL(fileURLWithPath: path))
        let regressed = try runColosim(["bench", "check", "--only", only, "--golden", path])
        #expect(regressed.exitCode == 1)
        #expect(regressed.stdout.contains("gpus.0.utilization"))
        #expect(regressed.stdout.contains("REGRESSED"))
    }
}
