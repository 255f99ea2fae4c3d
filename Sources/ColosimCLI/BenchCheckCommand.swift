import ArgumentParser
import Foundation
import Regression

/// `colosim bench check [--update --reason TEXT] [--json] [--only NAME]`: the golden-result
/// regression check (docs/regression.md).
struct BenchCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the scenario library, calibration and placement replays; compare with the golden results.",
        discussion: """
            Every summary metric is compared with Tests/Golden/bench-check.json under its tolerance \
            (relative/absolute, defaults and per-metric overrides in that file); digests must match \
            exactly. Prints metric, golden, now, delta, verdict; exits 1 on a regression, 0 otherwise. \
            --update --reason TEXT rewrites the golden values of the cases run and records the reason.
            """)

    @Flag(help: "Rewrite the golden values of the cases run (requires --reason).")
    var update = false

    @Option(help: ArgumentHelp("Why the golden values change (recorded in the golden file with --update).", valueName: "TEXT"))
    var reason: String?

    @Flag(help: "Print the comparison as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Run only the cases named NAME, under NAME/, or matching the glob NAME (e.g. scenario/v100-kernel-fixed-idle, placement).", valueName: "NAME"))
    var only: String?

    @Option(help: ArgumentHelp("The golden file.", valueName: "FILE"))
    var golden: String = "Tests/Golden/bench-check.json"

    @Flag(help: "Table: list only digests and failing metrics.")
    var failuresOnly = false

    func validate() throws {
        if update {
            guard let reason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ValidationError("--update needs --reason TEXT: say why the golden results change")
            }
        } else if reason != nil {
            throw ValidationError("--reason applies with --update only")
        }
    }

    func run() throws {
        let outcome = try BenchCheck.run(suite: .standard(root: "."), goldenPath: golden, only: only,
                                         transform: .identity,
                                         update: update ? BenchCheck.Update(reason: reason ?? "", date: Self.now()) : nil,
                                         progress: { writeStandardError("bench check: \($0)\n") })
        if json {
            print(outcome.comparison.json())
        } else {
            print(outcome.comparison.table(failuresOnly: failuresOnly), terminator: "")
            if update { print("golden file \(golden) rewritten (\(outcome.ran.count) cases): \(reason ?? "")") }
        }
        if !update && outcome.comparison.failed {
            if !json {
                print("bench check failed: if the change is intended, run `colosim bench check --update --reason \"…\"` and commit \(golden)")
            }
            throw ExitCode(1)
        }
    }

    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }
}
