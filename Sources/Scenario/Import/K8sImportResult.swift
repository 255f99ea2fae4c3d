import Foundation

/// What `colosim import k8s` found and wrote: the nodes and GPU pods read, their current bindings,
/// the cluster scenario text, the summary, and the issues reported when the import went on past them.
public struct K8sImportResult: Sendable {
    /// GPU nodes, in file order.
    public var nodes: [K8sNode]
    /// GPU pods, sorted by `namespace/name`.
    public var gpuPods: [K8sPod]
    /// Current bindings of the bound GPU pods, sorted by pod.
    public var bindings: [K8sBinding]
    /// Counts.
    public var summary: K8sImportSummary
    /// The cluster scenario (`schema: cluster`) as YAML.
    public var scenarioYAML: String
    /// Issues passed over (``K8sImportOptions/OnError/skip``).
    public var issues: [K8sImportIssue]
    /// Modelling notes (heterogeneous nodes, an unknown GPU product, a pod that found no GPU).
    public var notes: [String]

    /// The summary as JSON text (sorted keys): the counts, `schedulers`, `bindings`, `issues`, `notes`.
    public func summaryJSON() -> String {
        let s = summary
        let object: [String: Any] = [
            "nodes": s.nodes, "gpus": s.gpus, "pods": s.pods, "gpu_pods": s.gpuPods,
            "fractional_pods": s.fractionalPods, "pending_pods": s.pendingPods, "ls_pods": s.lsPods, "be_pods": s.bePods,
            "schedulers": s.schedulers,
            "bindings": bindings.map { ["pod": $0.pod, "node": $0.node, "gpus": $0.gpus, "source": $0.source.rawValue] as [String: Any] },
            "issues": issues.map { ["file": $0.file, "path": $0.path, "message": $0.message] },
            "notes": notes,
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
