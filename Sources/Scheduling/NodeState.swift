import ColoModel

/// The free resources of one node while pods come and go.
///
/// GPU accounting follows Alibaba open-gpu-share as used by the FGD artifact: each GPU has
/// 1000 milli-GPU; a sharing pod takes part of one GPU, other GPU pods take whole GPUs.
public struct NodeState: Sendable, Hashable {
    /// The node as declared.
    public let spec: NodeSpec
    /// Index of the node's GPU model in ``ClusterState/gpuModels`` (-1 for CPU-only nodes).
    public let modelIndex: Int
    /// Free CPU in milli-cores.
    public internal(set) var cpuLeft: Int
    /// Free memory in MiB.
    public internal(set) var memoryLeft: Int
    /// Free milli-GPU of each GPU (1000 = idle GPU), indexed by device.
    public internal(set) var gpuMilliLeft: [Int]
    /// Pods on the node per GPU affinity tag: index 0 = sharing pods, `k` = pods of `k` whole GPUs
    /// (the artifact's `share-gpu` / `k-gpu` tags of GpuClustering).
    public internal(set) var affinityCounts: [Int]
    /// Number of pods bound to the node.
    public internal(set) var podCount: Int

    /// A fresh, empty node.
    public init(spec: NodeSpec, modelIndex: Int, maxAffinityTag: Int) {
        self.spec = spec
        self.modelIndex = modelIndex
        cpuLeft = spec.cpuMilli
        memoryLeft = spec.memoryMiB
        gpuMilliLeft = Array(repeating: GPUShare.milliPerGPU, count: spec.gpuCount)
        affinityCounts = Array(repeating: 0, count: maxAffinityTag + 1)
        podCount = 0
    }

    /// Total free milli-GPU on the node.
    public var gpuMilliLeftTotal: Int {
        var s = 0
        for v in gpuMilliLeft { s += v }
        return s
    }

    /// Number of GPUs with no pod on them.
    public var fullyFreeGPUs: Int {
        var n = 0
        for v in gpuMilliLeft where v == GPUShare.milliPerGPU { n += 1 }
        return n
    }

    /// Number of distinct GPU affinity tags present on the node.
    public var distinctAffinities: Int {
        var n = 0
        for c in affinityCounts where c > 0 { n += 1 }
        return n
    }

    /// Whether any pod is bound to the node (GPU or CPU in use).
    public var isUsed: Bool { cpuLeft < spec.cpuMilli || fullyFreeGPUs < spec.gpuCount }
}
