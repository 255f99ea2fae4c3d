import ArgumentParser
import Experiments
import Foundation
import ResultStore
import SimEngine
import Scheduling
import Simulator

/// `colosim compare SCENARIO --policies a,b,… [--json]`: runs the scenario under each policy and prints
/// one side-by-side table (utilization, SLA attainment, p99 vs target, GPUs used, BE throughput,
/// weight error). Every run is stored in `--db`.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run a scenario under several policies and compare them side by side.",
        discussion: """
            Cluster scenarios compare co-location policies (dedicated, shared, preemptive, time-sliced, tidal; \
            default: all five). Single-GPU scenarios compare kernel-mode policies (fixed, weight-preemptive, burst, \
            online-preempts-offline; default: all four) or isolation engines (none, user-mode, user-mode-time-sliced). \
            Every run is recorded in --db. See docs/product.md.
            """)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: ArgumentHelp("Comma-separated policies to compare.", valueName: "p1,p2,…"))
    var policies: String?

    @Flag(help: "Print the comparison as JSON.")
    var json = false

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario parameter (repeatable).", valueName: "path=value"))
    var parameters: [String] = []

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Flag(help: "No progress bar.")
    var quiet = false

    @Option(help: ArgumentHelp("Cluster scenarios: fidelity level, event or response, overriding the scenario's.", valueName: "LEVEL"))
    var fidelity: String?

    @OptionGroup var store: RunsStoreOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be ≥ 1") }
        if let policies, policyList(policies).isEmpty { throw ValidationError("--policies needs at least one policy") }
    }

    func policyList(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        var setup = try ScenarioRunner(path: scenario)
        var baseOverrides = try ScenarioOverrides.parsing(seed: seed, assignments: parameters)
        baseOverrides.fidelity = fidelity
        let base = baseOverrides
        let listed = setup.comparePolicies
        let names = policies.map(policyList)
            ?? (setup.isCluster ? (listed.isEmpty ? ColocationPolicyKind.names : listed) : ScenarioRunner.kernelPolicies)
        // Check every policy name before running anything.
        for p in names {
            var o = base
            o.policy = p
            _ = try setup.effectiveText(o)
            if setup.isCluster, ScenarioRunner.colocationPolicy(p) == nil {
                throw InputError(field: "--policies", "unknown co-location policy '\(p)'; expected one of \(ColocationPolicyKind.names.joined(separator: ", "))")
            }
        }
        // The comparison is recorded as a sweep (point key `policy=P`) so `colosim report SWEEP_ID` charts it.
        var h = FNV1a64()
        h.combine(try setup.effectiveText(base))
        h.combine(base.seed.map(String.init) ?? "-")
        for p in names { h.combine(p) }
        let sweepID = "compare-\(URL(fileURLWithPath: scenario).deletingPathExtension().lastPathComponent)-\(h.hex.prefix(8))"
        let db = try store.open(create: true)
        if setup.isCluster { setup.responseCache = try NodeResponseStore.cache(db) }
        _ = try mappingStoreErrors(field: "--db") {
            try db.registerSweep(SweepInfo(id: sweepID, specHash: h.hex, pointCount: names.count, createdAt: Date()))
        }
        let runner = setup
        let progress = ProgressReporter.standardError(total: names.count, label: "compare",
                                                      show: ProgressDecision.shouldShow(json: json, quiet: quiet))
        let rows = try SweepParallel.map(names, jobs: jobs ?? SweepParallel.defaultJobs) { p -> CompareRow in
            var o = base
            o.policy = p
            var r = try runner.run(o)
            r.record.sweepID = sweepID
            r.record.pointKey = "policy=\(p)"
            let outcome = try mappingStoreErrors(field: "--db") { try db.insert(r.record) }
            progress.advance()
            return CompareRow(metrics: r.metrics, runID: outcome.id, seed: r.record.seed, scenarioName: r.record.scenarioName)
        }
        progress.finish()
        let table = CompareTable(scenario: rows.first?.scenarioName ?? scenario, isCluster: runner.isCluster, rows: rows,
                                 sweepID: sweepID)
        print(json ? table.json : table.text, terminator: json ? "\n" : "")
    }
}
