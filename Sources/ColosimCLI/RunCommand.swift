import ArgumentParser
import Foundation
import ResultStore
import Scenario
import Scheduling
import Simulator

/// `colosim run SCENARIO.yaml [--json] [--seed S] [--policy P] [--db F | --no-store]`: runs a single-GPU or
/// cluster scenario file, prints its summary and records the run in the results database.
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

    @OptionGroup var store: RunsStoreOptions

    @Flag(name: .customLong("no-store"), help: "Do not record the run in the results database.")
    var noStore = false

    func run() throws {
        if ClusterScenarioLoader.schema(ofFile: scenario) == "multi-scheduler" {
            return try ClusterRun.runMultiScheduler(path: scenario, policy: policy, seed: seed, json: json)
        }
        let runner = try ScenarioRunner(path: scenario)
        if policy != nil, !runner.isCluster {
            throw InputError(field: "--policy", "applies to cluster scenarios (schema: cluster) only")
        }
        if let policy, ColocationPolicyKind(rawValue: policy) == nil {
            throw InputError(field: "--policy",
                             "unknown policy '\(policy)'; expected one of \(ColocationPolicyKind.names.joined(separator: ", "))")
        }
        // Open the store before running so an unusable --db fails fast and costs no simulation.
        let db = noStore ? nil : try store.open(create: true)
        var overrides = ScenarioOverrides()
        overrides.seed = seed
        overrides.policy = policy
        let out = try runner.run(overrides)
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
