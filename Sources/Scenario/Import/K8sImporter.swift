import ColoModel
import Foundation

/// `colosim import k8s`: a live Kubernetes cluster (`kubectl get nodes -o json`,
/// `kubectl get pods -A -o json`) as a cluster scenario that starts from the pods' current bindings
/// (docs/import.md). Pure: data in, a ``K8sImportResult`` out; the CLI reads the files and prints.
public enum K8sImporter {
    /// Imports `nodes` and `pods` (the files' contents; `nodesFile` / `podsFile` name them in issues).
    public static func run(nodes: Data, nodesFile: String, pods: Data, podsFile: String,
                           options: K8sImportOptions) throws(K8sImportError) -> K8sImportResult {
        var nr = K8sListReader(file: nodesFile, options: options)
        var gpuNodes: [K8sNode] = []
        for (i, item) in try nr.items(nodes, itemKind: "Node").enumerated() {
            guard let n = try nr.node(item, at: "items[\(i)]") else { continue }
            if gpuNodes.contains(where: { $0.name == n.name }) {
                try nr.json.report("items[\(i)].metadata.name", "duplicate node '\(n.name)'")
                continue
            }
            gpuNodes.append(n)
        }
        guard !gpuNodes.isEmpty else {
            throw K8sImportError(K8sImportIssue(file: nodesFile, path: "items", "no node with GPUs (nvidia.com/gpu.count label, HAMi devices or allocatable nvidia.com/gpu)"))
        }
        var pr = K8sListReader(file: podsFile, options: options)
        var all: [K8sPod] = []
        var ids = Set<String>()
        for (i, item) in try pr.items(pods, itemKind: "Pod").enumerated() {
            guard let p = try pr.pod(item, at: "items[\(i)]") else { continue }
            if !ids.insert(p.id).inserted {
                try pr.json.report("items[\(i)].metadata.name", "duplicate pod '\(p.id)'")
                continue
            }
            if let node = p.node, !p.gpus.isEmpty, !gpuNodes.contains(where: { $0.name == node }) {
                try pr.json.report("items[\(i)].spec.nodeName", "GPU pod '\(p.id)' runs on '\(node)', which is not a GPU node of the nodes file")
                continue
            }
            all.append(p)
        }
        let gpuPods = all.filter { !$0.gpus.isEmpty }.sorted { $0.id < $1.id }
        guard !gpuPods.isEmpty else {
            throw K8sImportError(K8sImportIssue(file: podsFile, path: "items", "no pod asks for GPUs (nvidia.com/gpu, nvidia.com/gpumem, nvidia.com/gpumem-percentage, nvidia.com/gpucores); nothing to simulate"))
        }
        var notes: [String] = []
        let model = K8sClusterShape(nodes: gpuNodes, notes: &notes)
        let bindings = K8sBindingAssigner.assign(gpuPods, nodes: gpuNodes, gpuMemoryMiB: model.gpuMemoryMiB,
                                                 options: options, notes: &notes)
        let ls = gpuPods.filter { workloadClass($0, options: options) == .ls }
        var schedulers = Set(gpuPods.map(\.scheduler))
        for p in all where p.isPending { schedulers.insert(p.scheduler) }
        let summary = K8sImportSummary(
            nodes: gpuNodes.count, gpus: gpuNodes.reduce(0) { $0 + $1.gpus }, pods: all.count, gpuPods: gpuPods.count,
            fractionalPods: gpuPods.count { $0.fractional }, pendingPods: all.count { $0.isPending },
            lsPods: ls.count, bePods: gpuPods.count - ls.count, schedulers: schedulers.sorted())
        let yaml = K8sScenarioWriter(options: options, shape: model, nodes: gpuNodes, nodesFile: nodesFile, podsFile: podsFile)
            .yaml(pods: gpuPods, bindings: bindings)
        return K8sImportResult(nodes: gpuNodes, gpuPods: gpuPods, bindings: bindings, summary: summary, scenarioYAML: yaml,
                               issues: nr.json.issues + pr.json.issues, notes: notes)
    }

    /// LS or BE: a matching `--ls-selector`, then `--be-selector`, then `spec.priority` against
    /// `--ls-priority`, then `--default-class`.
    public static func workloadClass(_ pod: K8sPod, options: K8sImportOptions) -> K8sImportOptions.WorkloadClass {
        func matches(_ sel: [String: String]) -> Bool { !sel.isEmpty && sel.allSatisfy { pod.labels[$0.key] == $0.value } }
        if matches(options.lsSelector) { return .ls }
        if matches(options.beSelector) { return .be }
        if let p = pod.priority { return p >= options.lsMinPriority ? .ls : .be }
        return options.defaultClass
    }
}
