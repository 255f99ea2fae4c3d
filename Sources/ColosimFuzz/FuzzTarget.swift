import Foundation
import ResultStore
import Scenario
import SimEngine
import Simulator
import Workload
import ColosimCLI

/// One fuzzed entry point: the scenario loaders, the trace importers, the calibration reader or
/// the command-line parser. ``run(_:)`` must return for every input (a trap is a crash) within
/// the harness's time budget, and a refusal must be located (``FuzzOutcome/unlocated`` otherwise).
public struct FuzzTarget: Sendable {
    /// The target's name (`scenario`, `trace`, `calibration`, `cli`, `k8s`).
    public let name: String
    /// Runs one input.
    public let run: @Sendable ([UInt8]) -> FuzzOutcome

    /// Every target, in a fixed order.
    public static let all: [FuzzTarget] = [scenario, trace, calibration, cli, k8s]

    /// The target called `name`.
    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    /// The file name errors are expected to start with.
    static let file = "fuzz.yaml"

    /// `message` is located when it starts with `file:LINE:`.
    static func located(_ message: String, file: String) -> Bool {
        guard message.hasPrefix(file + ":") else { return false }
        let rest = message.dropFirst(file.count + 1)
        return rest.first?.isNumber == true
    }

    /// The three YAML schemas through their own loaders (the schema key picks one, as the CLI does);
    /// one accepted single-GPU scenario in 16 is also simulated under a small event budget, so the
    /// engines are built from accepted values too.
    public static let scenario = FuzzTarget(name: "scenario") { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            switch schema(of: text) {
            case "cluster": _ = try ClusterScenarioLoader.parse(yaml: text, file: file)
            case "multi-scheduler": _ = try ClusterMultiSchedulerLoader.parse(yaml: text, file: file)
            default:
                let s = try ScenarioLoader.parse(yaml: text, file: file)
                // Building the results dominates a short run, so simulate one accepted input in 16
                // (chosen by the input's bytes, so a run stays reproducible).
                guard simulates(bytes) else { return .accepted }
                var config = s.simulationConfig()
                config.eventBudget = 300
                config.checkInvariants = false
                do { _ = try GPUSimulation.run(config) } catch is SimulationBudgetExceeded {}
            }
            return .accepted
        } catch let e as ScenarioError {
            return e.line != nil ? .rejected(e.description) : .unlocated(e.description)
        } catch {
            let m = "\(error)"
            return located(m, file: file) ? .rejected(m) : .unlocated(m)
        }
    }

    /// Whether the single-GPU target simulates `bytes` (one input in 16, by an FNV-1a hash).
    static func simulates(_ bytes: [UInt8]) -> Bool {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h % 16 == 0
    }

    /// The value of the root `schema:` key, read the way a person would (first line that sets it).
    static func schema(of text: String) -> String {
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("schema:") {
            return line.dropFirst("schema:".count).trimmingCharacters(in: .whitespaces)
        }
        return "single-gpu"
    }

    /// Every trace importer; the first input line picks the format (`# format: NAME`), else all run.
    public static let trace = FuzzTarget(name: "trace") { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        let name = "fuzz.csv"
        // Accepted when any importer accepts; a finding when any refusal is unlocated.
        var outcome: FuzzOutcome?
        var anyAccepted = false
        func attempt(_ body: () throws -> Void) {
            do {
                try body()
                anyAccepted = true
            } catch let e as TraceError {
                if e.line == nil, !e.message.hasPrefix("empty file") { outcome = .unlocated(e.description) }
                else if outcome == nil { outcome = .rejected(e.description) }
            } catch let e as OpenbFormatError {
                if outcome == nil { outcome = .rejected(e.description) }
            } catch {
                outcome = .unlocated("\(error)")
            }
        }
        attempt { _ = try DutyCycleTrace.read(.text(text, name: name)) }
        attempt { _ = try AzureLLMTrace.read(.text(text, name: name)) }
        attempt { _ = try ServeGenTrace.read(.text(text, name: name)) }
        attempt { _ = try PhillyRuntimeTrace.read(.text(text, name: name)) }
        attempt { _ = try GenericTrace.read(.text(text, name: name)) }
        attempt { _ = try OpenbNodeList.parse(text: text, file: name) }
        attempt { _ = try OpenbPodList.parse(text: text, file: name) }
        if let outcome, outcome.isFinding { return outcome }
        return anyAccepted ? .accepted : outcome ?? .accepted
    }

    /// The calibration configuration reader, and the replay's simulation setup for accepted files.
    public static let calibration = FuzzTarget(name: "calibration") { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            let configs = try CalibrationConfig.parseLines(text)
            for c in configs.prefix(4) {
                _ = CalibrationReplay.simulation(for: c, profile: .h200, seed: 1)
            }
            return .accepted
        } catch let e as CalibrationParseError {
            return .rejected(e.description)
        } catch {
            return .unlocated("\(error)")
        }
    }

    /// The command-line parser and every command's own flag validation (nothing is run). One
    /// argument per input line.
    public static let cli = FuzzTarget(name: "cli") { bytes in
        let args = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        do {
            _ = try Colosim.parseAsRoot(joiningNegativeValues(args))
            return .accepted
        } catch {
            // ArgumentParser's messages name the flag; an InputError names its field.
            return .rejected(Colosim.fullMessage(for: error))
        }
    }

    /// The Kubernetes importer (`colosim import k8s`): the input is a nodes list, a line `---`, and a
    /// pods list (both `kubectl … -o json`), imported under both `--on-error` modes; the scenario it
    /// writes for an accepted input is loaded back. Every refusal carries a JSON path.
    public static let k8s = FuzzTarget(name: "k8s") { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\n---\n")
        let nodes = Data((parts.first ?? "").utf8)
        let pods = Data((parts.count > 1 ? parts[1...].joined(separator: "\n---\n") : "").utf8)
        var outcome: FuzzOutcome = .accepted
        for mode in K8sImportOptions.OnError.allCases {
            var o = K8sImportOptions()
            o.onError = mode
            do {
                let r = try K8sImporter.run(nodes: nodes, nodesFile: "nodes.json", pods: pods, podsFile: "pods.json", options: o)
                if let i = r.issues.first(where: { $0.path.isEmpty }) { return .unlocated(i.description) }
                do {
                    _ = try ClusterScenarioLoader.parse(yaml: r.scenarioYAML, file: "imported.yaml")
                } catch {
                    return .unlocated("the imported scenario does not load: \(error)")
                }
            } catch let error as K8sImportError {
                if error.issue.path.isEmpty { return .unlocated(error.description) }
                outcome = .rejected(error.description)
            } catch {
                return .unlocated("\(error)")
            }
        }
        return outcome
    }
}
