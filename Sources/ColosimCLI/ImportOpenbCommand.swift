import ArgumentParser
import Foundation
import ColoModel
import Experiments
import Scenario
import Workload

/// `colosim import openb --nodes NODES.csv --pods PODS.csv [--out FILE] [--json]`: the openb cluster
/// (Alibaba cluster-trace-gpu-v2023) as a fleet cluster scenario.
struct ImportOpenbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openb",
        abstract: "Import the openb GPU node and pod lists as a fleet cluster scenario (docs/fleet.md).",
        discussion: """
            Every GPU node in node order becomes a node group entry with its device (--model maps openb's GPU \
            models to profiles); LS and Guaranteed pods become inference services (one per GPU share) whose \
            replicas follow GenAI duty-cycle pods; BE and Burstable pods become training jobs whose instances \
            run Philly runtimes and are resubmitted when they finish. scenarios/fleet-openb-week.yaml was \
            written by this command with its defaults.
            """)

    @Option(help: "openb GPU node list (openb_node_list_gpu_node.csv).")
    var nodes: String

    @Option(help: "openb pod list (openb_pod_list_default.csv).")
    var pods: String

    @Option(help: "Write the scenario here (default: standard output, unless --json).")
    var out: String?

    @Flag(help: "Print the import summary as JSON.")
    var json = false

    @Option(help: "Scenario name.")
    var name: String = "fleet-openb-week"

    @Option(help: ArgumentHelp("Simulated days.", valueName: "days"))
    var days: Double = 7

    @Option(name: .customLong("step-s"), help: ArgumentHelp("Cluster step, seconds.", valueName: "s"))
    var step: Double = 300

    @Option(name: .customLong("nodes-limit"), help: ArgumentHelp("Keep N GPU nodes spread evenly over the list and the same share of pods.", valueName: "N"))
    var nodesLimit: Int?

    @Option(name: .customLong("model"), help: ArgumentHelp("Map an openb GPU model to a device profile (repeatable).", valueName: "MODEL=PROFILE"))
    var models: [String] = []

    @Option(name: .customLong("ls-mean"), help: ArgumentHelp("An LS pod's mean GPU duty as a fraction of its request.", valueName: "f"))
    var lsMean: Double = 0.2

    @Option(name: .customLong("duty-cycle"), help: ArgumentHelp("GenAI duty-cycle trace the LS replicas follow, as the scenario should name it (tried from the working directory, the scenario's folder and its parent).", valueName: "path"))
    var dutyCycle: String = OpenbFleetOptions().dutyCyclePath

    @Option(help: ArgumentHelp("Runtime list the BE jobs draw from, as the scenario should name it.", valueName: "path"))
    var runtimes: String = OpenbFleetOptions().runtimesPath

    func validate() throws {
        if !(days > 0 && days <= 60) { throw ValidationError("--days must be in (0, 60]") }
        if !(step >= 1 && step <= 86_400) { throw ValidationError("--step-s must be in [1, 86400]") }
        if !(lsMean > 0 && lsMean <= 1) { throw ValidationError("--ls-mean must be in (0, 1]") }
        if let n = nodesLimit, n < 1 || n > 100_000 { throw ValidationError("--nodes-limit must be in 1…100000") }
    }

    func run() throws {
        var o = OpenbFleetOptions()
        o.name = name
        o.duration = days * 86_400
        o.step = min(step, o.duration)
        o.lsMeanOfRequest = lsMean
        o.nodeLimit = nodesLimit
        o.dutyCyclePath = dutyCycle
        o.runtimesPath = runtimes
        for m in models {
            let kv = m.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, !kv[0].isEmpty, DeviceProfile.catalogNames.contains(kv[1]) else {
                throw InputError(field: "--model", "expected MODEL=PROFILE with a profile of \(DeviceProfile.catalogNames.joined(separator: ", ")), got '\(m)'")
            }
            o.modelProfiles[kv[0]] = kv[1]
        }
        let result: (yaml: String, summary: OpenbFleetImporter.Summary)
        do {
            result = try OpenbFleetImporter.scenario(nodes: try OpenbNodeList.load(path: nodes),
                                                     pods: try OpenbPodList.load(path: pods),
                                                     nodesFile: nodes, podsFile: pods, options: o)
        } catch let e as OpenbFormatError {
            throw InputError(file: e.file, line: e.line, field: e.column ?? "row", e.message)
        }
        if let out {
            do {
                try result.yaml.write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw InputError(file: out, field: "--out", "cannot write the scenario: \(error.localizedDescription)")
            }
        }
        let s = result.summary
        if json {
            let object: [String: Any] = [
                "nodes": s.nodes, "gpus": s.gpus, "node_groups": s.nodeGroups, "gpu_pods": s.gpuPods,
                "ls_replicas": s.lsReplicas, "be_jobs": s.beJobs, "services": s.services, "job_groups": s.jobGroups,
                "gpus_by_profile": s.gpusByProfile, "requested_gpus": (s.requestedGPUs * 10).rounded() / 10,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else if out == nil {
            print(result.yaml, terminator: "")
        } else {
            print("imported \(s.nodes) GPU nodes (\(s.nodeGroups) groups), \(s.gpus) GPUs, \(s.gpuPods) GPU pods → \(s.lsReplicas) LS replicas in \(s.services) services, \(s.beJobs) BE jobs → \(out ?? "")")
        }
    }
}
