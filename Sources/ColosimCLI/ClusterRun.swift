import Scenario
import Scheduling
import Simulator

/// `colosim run` for `schema: cluster` files (docs/cluster.md).
enum ClusterRun {
    /// Whether `path` is a cluster scenario.
    static func handles(_ path: String) -> Bool {
        ["cluster", "multi-scheduler"].contains(ClusterScenarioLoader.schema(ofFile: path))
    }

    /// Loads, runs and prints a multi-scheduler scenario (`--policy` does not apply: each scheduler has its own).
    static func runMultiScheduler(path: String, policy: String?, seed: UInt64?, json: Bool) throws {
        if policy != nil {
            throw InputError(field: "--policy", "a multi-scheduler scenario gives each scheduler its own policy")
        }
        let loaded: ClusterMultiSchedulerLoader.Loaded
        do {
            loaded = try ClusterMultiSchedulerLoader.load(path: path)
        } catch let e as ScenarioError {
            throw InputError(file: e.file, line: e.line, field: e.field, e.message)
        }
        var config = loaded.config
        if let seed { config.seed = seed }
        let report = ClusterMultiSchedulerReport(name: loaded.name, result: ClusterMultiSchedulerRun.run(config),
                                                 seed: config.seed)
        print(json ? report.json : report.text, terminator: json ? "\n" : "")
    }

    /// Loads, runs and prints a cluster scenario; `policy` overrides the scenario's.
    static func run(path: String, policy: String?, seed: UInt64?, json: Bool) throws {
        if ClusterScenarioLoader.schema(ofFile: path) == "multi-scheduler" {
            return try runMultiScheduler(path: path, policy: policy, seed: seed, json: json)
        }
        let s: ClusterScenario
        do {
            s = try ClusterScenarioLoader.load(path: path)
        } catch let e as ScenarioError {
            throw InputError(file: e.file, line: e.line, field: e.field, e.message)
        }
        var kind: ColocationPolicyKind?
        if let policy {
            guard let k = ColocationPolicyKind(rawValue: policy) else {
                throw InputError(field: "--policy",
                                 "unknown policy '\(policy)'; expected one of \(ColocationPolicyKind.names.joined(separator: ", "))")
            }
            kind = k
        }
        let seed = seed ?? s.seed
        let config: ClusterSimulationConfig
        do {
            config = try s.simulationConfig(policy: kind, seed: seed)
        } catch {
            throw InputError(file: path, field: "services", "cannot build the service profiles: \(error)")
        }
        let result = ClusterSimulation.run(config)
        let report = ClusterScenarioReport(scenario: s, result: result, seed: seed)
        print(json ? report.json : report.text, terminator: json ? "\n" : "")
    }
}
