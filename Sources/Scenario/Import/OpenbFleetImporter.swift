import ColoModel
import Foundation
import Workload

/// Writes the openb cluster (Alibaba cluster-trace-gpu-v2023: its GPU node list and pod list) as a
/// fleet `schema: cluster` scenario: every GPU node in node order as `node_groups` with its device,
/// LS pods as inference services (one per GPU share) whose replicas follow GenAI duty-cycle pods,
/// BE pods as training jobs whose instances run Philly runtimes and are submitted again when they
/// finish (BE churn). docs/fleet.md gives the mapping.
public enum OpenbFleetImporter {
    /// What was imported.
    public struct Summary: Sendable, Hashable {
        /// GPU nodes.
        public var nodes = 0
        /// Their GPUs.
        public var gpus = 0
        /// The node groups they make (runs of equal nodes in node order).
        public var nodeGroups = 0
        /// GPU pods read.
        public var gpuPods = 0
        /// LS replicas made (a k-GPU pod is k of them).
        public var lsReplicas = 0
        /// BE jobs made (a k-GPU pod is k of them).
        public var beJobs = 0
        /// LS services (one per GPU share).
        public var services = 0
        /// BE job groups (one per GPU share).
        public var jobGroups = 0
        /// GPUs by device profile.
        public var gpusByProfile: [String: Int] = [:]
        /// Total GPU request of the pods, GPUs.
        public var requestedGPUs = 0.0
    }

    /// The scenario YAML and its summary for `nodes` and `pods` (as the openb loaders read them).
    /// Throws ``OpenbFormatError`` naming an openb GPU model `options` does not map.
    public static func scenario(nodes allNodes: [NodeSpec], pods allPods: [PodRequest], nodesFile: String,
                                podsFile: String, options o: OpenbFleetOptions) throws -> (yaml: String, summary: Summary) {
        // GPU nodes with their row in the list (an error names the file's line).
        var nodes = allNodes.enumerated().filter { $0.element.gpuCount > 0 }
        var pods = allPods.filter { $0.gpuCount > 0 }
        if let limit = o.nodeLimit, limit < nodes.count {
            let gpus = nodes.reduce(0) { $0 + $1.element.gpuCount }
            // Nodes spread over the list, so the slice keeps the fleet's mix of devices; the same share
            // of pods, spread over theirs, so the mix of shapes and classes is kept.
            nodes = spread(nodes, keeping: max(1, limit), of: nodes.count)
            pods = spread(pods, keeping: nodes.reduce(0) { $0 + $1.element.gpuCount }, of: max(1, gpus))
        }
        var s = Summary()
        s.nodes = nodes.count
        var kinds: [NodeKind] = []
        for (row, n) in nodes {
            let model = n.gpuModel ?? ""
            guard let profile = o.modelProfiles[model] else {
                throw OpenbFormatError(file: nodesFile, line: row + 2, column: "model",
                                       message: "node \(n.name): GPU model '\(model)' has no device profile; map it with --model \(model.isEmpty ? "MODEL" : model)=PROFILE")
            }
            s.gpus += n.gpuCount
            s.gpusByProfile[profile, default: 0] += n.gpuCount
            kinds.append(NodeKind(gpus: n.gpuCount, profile: profile))
        }
        let groups = ConsecutiveRuns.of(kinds)
        s.nodeGroups = groups.count
        var lsByMilli: [Int: Int] = [:], beByMilli: [Int: Int] = [:]
        for p in pods {
            s.gpuPods += 1
            s.requestedGPUs += Double(p.gpuCount * p.gpuMilli) / 1000
            if p.priorityClass == .latencySensitive {
                lsByMilli[p.gpuMilli, default: 0] += p.gpuCount
            } else {
                beByMilli[p.gpuMilli, default: 0] += p.gpuCount
            }
        }
        s.lsReplicas = lsByMilli.values.reduce(0, +)
        s.beJobs = beByMilli.values.reduce(0, +)
        s.services = lsByMilli.count
        s.jobGroups = beByMilli.count
        let nodesName = URL(fileURLWithPath: nodesFile).lastPathComponent
        let podsName = URL(fileURLWithPath: podsFile).lastPathComponent
        var y = """
            # Written by `colosim import openb` from \(nodesName) and \(podsName) (Alibaba
            # cluster-trace-gpu-v2023, "openb"; PROVENANCE in ../shared/traces). docs/fleet.md gives the mapping:
            # every GPU node in node order (G2 / G3 are undisclosed models: the reference V100 stands in);
            # LS pods (LS, Guaranteed) as inference services, one per GPU share, each replica one openb LS
            # pod whose load follows a GenAI duty-cycle pod scaled to \(K8sScenarioWriter.number(o.lsMeanOfRequest * 100)) % of its request;
            # BE pods (BE, Burstable) as training jobs whose instances run Philly runtimes and are submitted
            # again when they finish (BE churn). A k-GPU pod is k replicas or jobs. Regenerate with:
            #   colosim import openb --nodes …/\(nodesName) --pods …/\(podsName) --out FILE
            schema: cluster
            name: \(K8sScenarioWriter.quoted(o.name))
            description: "openb's \(s.nodes) GPU nodes / \(s.gpus) GPUs for \(K8sScenarioWriter.number(o.duration / 86_400)) days: \(s.lsReplicas) LS replicas (GenAI-shaped), \(s.beJobs) BE jobs (Philly runtimes, resubmitted)"
            seed: 42
            duration_s: \(K8sScenarioWriter.number(o.duration))
            step_s: \(K8sScenarioWriter.number(o.step))
            policy: shared
            compare: [dedicated, shared, preemptive, time-sliced, tidal]
            response: {window_s: \(K8sScenarioWriter.number(o.responseWindow)), load_grid: \(K8sScenarioWriter.number(o.loadGrid))}
            cluster:
              node_groups:

            """
        for g in groups {
            y += "    - {count: \(g.count), gpus_per_node: \(g.value.gpus), profile: \(g.value.profile)}\n"
        }
        y += "colocation: {max_be_per_gpu: 1}\n"
        if !lsByMilli.isEmpty {
            y += "services:\n"
            for milli in lsByMilli.keys.sorted(by: >) {
                let mean = max(0.01, o.lsMeanOfRequest * Double(milli) / 1000)
                y += "  - name: ls-m\(milli)\n"
                y += "    replicas: \(lsByMilli[milli] ?? 0)\n"
                y += "    load: {genai_profile: {path: \(o.dutyCyclePath), mean: \(K8sScenarioWriter.number((mean * 1e4).rounded() / 1e4))}}\n"
                y += "    p99_ms: \(K8sScenarioWriter.number(o.lsP99Milliseconds))\n"
                y += "    host_ms: \(K8sScenarioWriter.number(o.lsHostMilliseconds))\n"
                y += "    gpu_milli: \(milli)\n"
                y += "    memory_mib: \(memory(milli: milli, options: o))\n"
                y += "    weight: 3\n"
            }
        }
        if !beByMilli.isEmpty {
            y += "jobs:\n"
            for milli in beByMilli.keys.sorted(by: >) {
                y += "  - {name: be-m\(milli), kind: training, count: \(beByMilli[milli] ?? 0), gpu_milli: \(milli), "
                    + "memory_mib: \(memory(milli: milli, options: o)), weight: 1,\n"
                    + "     runtimes: {path: \(o.runtimesPath)}, resubmit: true, iteration_s: 1, "
                    + "checkpoint_every: \(o.checkpointEvery), checkpoint_s: \(K8sScenarioWriter.number(o.checkpointSeconds)), "
                    + "restart_s: \(K8sScenarioWriter.number(o.restartSeconds))}\n"
            }
        }
        return (y, s)
    }

    /// What makes two adjacent nodes one node group.
    struct NodeKind: Equatable {
        var gpus: Int
        var profile: String
    }

    /// `k` of every `total` items of `items`, spread evenly over the list (item `i` is kept when
    /// `⌊(i + 1)k / total⌋ > ⌊ik / total⌋`). O(n).
    static func spread<T>(_ items: [T], keeping k: Int, of total: Int) -> [T] {
        items.enumerated().filter { (i, _) in (i + 1) * k / total > i * k / total }.map(\.element)
    }

    /// GPU memory of a pod of `milli` milli-GPU: its share of ``OpenbFleetOptions/memoryMiBPerGPU``.
    static func memory(milli: Int, options: OpenbFleetOptions) -> Int {
        milli * options.memoryMiBPerGPU / 1000
    }
}
