import ArgumentParser
import Scenario
import Simulator

/// `colosim run SCENARIO.yaml [--json] [--seed S]`: runs a single-GPU scenario file.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a single-GPU scenario file and summarise utilization, latency and shares.",
        discussion: "The scenario schema is documented in docs/scenarios.md. Bad scenarios exit with 2.")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    @Option(help: "Cluster scenarios: the co-location policy (dedicated, shared, preemptive, time-sliced, tidal), overriding the scenario's.")
    var policy: String?

    func run() throws {
        if ClusterRun.handles(scenario) {
            return try ClusterRun.run(path: scenario, policy: policy, seed: seed, json: json)
        }
        if policy != nil { throw InputError(field: "--policy", "applies to cluster scenarios (schema: cluster) only") }
        let s: Scenario
        do {
            s = try ScenarioLoader.load(path: scenario)
        } catch let e as ScenarioError {
            throw InputError(file: e.file, line: e.line, field: e.field, e.message)
        }
        let seed = self.seed ?? s.seed
        let result: SimulationResult
        do {
            result = try GPUSimulation.run(s.simulationConfig(seed: seed))
        } catch let e as SimulationConfigError {
            throw InputError(file: scenario, field: e.field, e.message)
        }
        let report = ScenarioReport(scenario: s, result: result, seed: seed)
        print(json ? report.json : report.text, terminator: json ? "\n" : "")
    }
}
