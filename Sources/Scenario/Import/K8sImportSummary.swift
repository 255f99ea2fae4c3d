/// The counts `colosim import k8s --json` prints (docs/import.md).
public struct K8sImportSummary: Sendable, Hashable {
    /// GPU nodes imported.
    public var nodes: Int
    /// Physical GPUs on them.
    public var gpus: Int
    /// Pods not finished (every namespace, GPU or not).
    public var pods: Int
    /// Pods asking for GPUs (whole or HAMi fractional).
    public var gpuPods: Int
    /// GPU pods asking for a HAMi fraction (`nvidia.com/gpumem`, `-percentage`, `gpucores`).
    public var fractionalPods: Int
    /// Pods without a node (`spec.nodeName` unset).
    public var pendingPods: Int
    /// GPU pods imported as LS services.
    public var lsPods: Int
    /// GPU pods imported as BE jobs.
    public var bePods: Int
    /// Sorted scheduler names of the GPU pods and the pending pods.
    public var schedulers: [String]
}
