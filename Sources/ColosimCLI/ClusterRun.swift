import Experiments
import Scenario
import Scheduling
import Simulator

/// `colosim run` for `schema: multi-scheduler` files (docs/cluster.md); other files go through ``ScenarioRunner``.
enum ClusterRun {
    /// Loads, runs and prints a multi-scheduler scenario (`--policy` does not apply: each scheduler has its own);
    /// `explain` > 0 lists the first decisions of each kind (bind, conflict, unschedulable) with their reasons.
    static func runMultiScheduler(path: String, policy: String?, seed: UInt64?, json: Bool, explain: Int = 0,
                                  explainKinds: Set<ClusterMultiSchedulerDecision.Kind>? = nil) throws {
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
        config.explain = explain
        config.explainKinds = explainKinds
        let report = ClusterMultiSchedulerReport(name: loaded.name, result: ClusterMultiSchedulerRun.run(config),
                                                 seed: config.seed)
        print(json ? report.json : report.text, terminator: json ? "\n" : "")
    }
}
