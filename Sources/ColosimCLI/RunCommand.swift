import ArgumentParser
import Experiments
import Foundation
import ResultStore
import Scenario
import Scheduling
import Simulator

/// `colosim run SCENARIO.yaml [--json] [--seed S] [--policy P] [--explain N [--explain-kind K,…]] [--db F | --no-store]`:
/// runs a single-GPU, cluster or multi-scheduler scenario file, prints its summary (cluster and
/// multi-scheduler runs: with their decisions explained) and records the run in the results database.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario file, summarise utilization, latency and shares, and record the run.",
        discussion: """
            The scenario schema is documented in docs/scenarios.md (cluster files: docs/cluster.md). Bad scenarios \
            exit with 2. Every run is recorded in --db (default colosim.sqlite) and its id printed (JSON: run_id); \
            --no-store skips that. Multi-scheduler files are not recorded.
            """)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    @Option(help: "Cluster scenarios: the co-location policy (dedicated, shared, preemptive, time-sliced, tidal), overriding the scenario's.")
    var policy: String?

    @Option(help: ArgumentHelp(
        "Cluster scenarios: explain the first N co-location decisions of each kind (why a pod went where, was queued, evicted or preempted; why a replica started or stopped); multi-scheduler scenarios: binds, conflicts, unschedulable pods. 0: off.",
        valueName: "N"))
    var explain: Int = 0

    @Option(name: .customLong("explain-kind"), help: ArgumentHelp(
        "With --explain: only these decision kinds (comma-separated or repeated): \(ColocationDecisionKind.names.joined(separator: ", ")); multi-scheduler: \(ClusterMultiSchedulerDecision.Kind.names.joined(separator: ", ")).",
        valueName: "KIND"))
    var explainKind: [String] = []

    @Option(help: ArgumentHelp("Cluster scenarios: fidelity level, event (every request on every GPU) or response (memoised GPU states), overriding the scenario's.", valueName: "LEVEL"))
    var fidelity: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario parameter by path, e.g. isolation.kernel_mode.slice_ms=8, placement=spread (repeatable).", valueName: "path=value"))
    var parameters: [String] = []

    @Option(help: "Cluster scenarios: threads evaluating GPU states (default: all cores).")
    var jobs: Int?

    @OptionGroup var store: RunsStoreOptions

    @Flag(help: "Cluster scenarios: no progress line on standard error (COLOSIM_PROGRESS=0 does the same; =1 forces one, a line every 10 s in logs).")
    var quiet = false

    @Flag(name: .customLong("no-store"), help: "Do not record the run in the results database.")
    var noStore = false

    func run() throws {
        if ClusterScenarioLoader.schema(ofFile: scenario) == "multi-scheduler" {
            return try ClusterRun.runMultiScheduler(path: scenario, policy: policy, seed: seed, json: json,
                                                    explain: explain, explainKinds: try multiSchedulerKinds())
        }
        let kinds = try explainKinds()
        var runner = try ScenarioRunner(path: scenario)
        if policy != nil || explain > 0 { try runner.throwIfUnloadable() }
        if policy != nil, !runner.isCluster {
            throw InputError(field: "--policy", "applies to cluster scenarios (schema: cluster) only")
        }
        if explain > 0, !runner.isCluster {
            throw InputError(file: scenario, field: "--explain",
                             "explains co-location decisions of cluster scenarios (schema: cluster) only; this is a single-GPU scenario")
        }
        if let policy, ColocationPolicyKind(rawValue: policy) == nil {
            throw InputError(field: "--policy",
                             "unknown policy '\(policy)'; expected one of \(ColocationPolicyKind.names.joined(separator: ", "))")
        }
        // Open the store before running so an unusable --db fails fast and costs no simulation.
        let db = noStore ? nil : try store.open(create: true)
        var overrides = try ScenarioOverrides.parsing(seed: seed, assignments: parameters)
        overrides.policy = policy
        overrides.fidelity = fidelity
        if let jobs, jobs < 1 { throw InputError(field: "--jobs", "must be ≥ 1, got \(jobs)") }
        if runner.isCluster {
            runner.responseCache = try NodeResponseStore.cache(db)
            runner.evaluationJobs = jobs ?? SweepParallel.defaultJobs
        }
        let decision = ProgressDecision.progressLine(quiet: quiet)
        let line = decision.show && runner.isCluster ? ClusterProgressLine(terminal: decision.terminal) : nil
        if let line { runner.progress = { line.update($0) } }
        let out: ScenarioRun
        do {
            defer { line?.finish() }
            out = try runner.run(overrides, explain: explain, explainKinds: kinds)
        }
        var runID: Int64?
        if let db {
            runID = try mappingStoreErrors(field: "--db") { try db.insert(out.record) }.id
        }
        if json {
            print(runID.map { Self.addingRunID($0, to: out.reportJSON) } ?? out.reportJSON)
        } else {
            print(out.reportText, terminator: "")
            if let runID { print("run id \(runID) (stored in \(store.db); colosim report \(runID) --html FILE)") }
        }
    }

    /// The kinds `--explain-kind` names for a cluster file (nil: all).
    func explainKinds() throws -> Set<ColocationDecisionKind>? {
        try parsedExplainKinds(ColocationDecisionKind.self, scope: "")
    }

    /// The kinds `--explain-kind` names for a multi-scheduler file (bind, conflict, unschedulable; nil: all).
    func multiSchedulerKinds() throws -> Set<ClusterMultiSchedulerDecision.Kind>? {
        try parsedExplainKinds(ClusterMultiSchedulerDecision.Kind.self, scope: " for a multi-scheduler scenario")
    }

    /// `--explain-kind` parsed as kinds of `Kind` (comma-separated or repeated; nil: all); an unknown
    /// kind, a negative N or a kind without `--explain` is an ``InputError``.
    private func parsedExplainKinds<Kind: RawRepresentable & CaseIterable & Hashable>(
        _: Kind.Type, scope: String
    ) throws -> Set<Kind>? where Kind.RawValue == String {
        guard explain >= 0 else { throw InputError(field: "--explain", "must be ≥ 0, got \(explain)") }
        let names = explainKind.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty else { return nil }
        guard explain > 0 else { throw InputError(field: "--explain-kind", "needs --explain N (N > 0)") }
        var kinds = Set<Kind>()
        for n in names {
            guard let k = Kind(rawValue: n) else {
                let expected = Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw InputError(field: "--explain-kind", "unknown decision kind '\(n)'\(scope); expected one of \(expected)")
            }
            kinds.insert(k)
        }
        return kinds
    }

    /// `json` (an object) with `"run_id": id` as its first key; `json` unchanged when it is not an object.
    static func addingRunID(_ id: Int64, to json: String) -> String {
        guard let brace = json.firstIndex(of: "{") else { return json }
        let rest = json[json.index(after: brace)...]
        let trimmed = rest.drop { $0 == " " || $0 == "\n" }
        let separator = trimmed.first == "}" ? "" : ","
        if rest.first == "\n" {
            let indent = rest.dropFirst().prefix { $0 == " " }
            return String(json[...brace]) + "\n" + indent + "\"run_id\" : \(id)" + separator + rest
        }
        return String(json[...brace]) + "\"run_id\":\(id)" + separator + rest
    }
}
