import ColoModel

/// All nodes of a cluster with their free resources: the state a scheduler filters and scores.
public struct ClusterState: Sendable, Hashable {
    /// The nodes, in declaration order (the index is the node id used in decisions).
    public internal(set) var nodes: [NodeState]
    /// The GPU models present in the cluster, sorted; ``NodeState/modelIndex`` points here.
    public let gpuModels: [String]
    /// The largest GPU count of any node (the highest GpuClustering affinity tag).
    public let maxGPUsPerNode: Int

    /// Builds an empty cluster from node specifications.
    public init(nodes specs: [NodeSpec]) {
        let models = Array(Set(specs.compactMap { $0.gpuCount > 0 ? $0.gpuModel : nil })).sorted()
        gpuModels = models
        let maxGPUs = specs.map(\.gpuCount).max() ?? 0
        maxGPUsPerNode = maxGPUs
        var index: [String: Int] = [:]
        for (i, m) in models.enumerated() { index[m] = i }
        nodes = specs.map { spec in
            let mi = spec.gpuCount > 0 ? (spec.gpuModel.flatMap { index[$0] } ?? -1) : -1
            return NodeState(spec: spec, modelIndex: mi, maxAffinityTag: maxGPUs)
        }
    }

    /// Total GPUs in the cluster.
    public var gpuCount: Int { nodes.reduce(0) { $0 + $1.spec.gpuCount } }
    /// Total GPU capacity in milli-GPU.
    public var gpuMilliCapacity: Int { gpuCount * GPUShare.milliPerGPU }
    /// Milli-GPU currently allocated to pods.
    public var gpuMilliAllocated: Int {
        var used = 0
        for n in nodes { used += n.spec.gpuCount * GPUShare.milliPerGPU - n.gpuMilliLeftTotal }
        return used
    }

    /// Bit mask over ``gpuModels`` of the models a pod may use (all bits when it names none).
    ///
    /// Models the cluster does not have are ignored; a pod naming only such models gets an empty
    /// mask and fits no GPU node.
    public func modelMask(for allowed: [String]) -> UInt64 {
        let names = allowed.filter { !$0.isEmpty }
        if names.isEmpty { return ~0 }
        var mask: UInt64 = 0
        for name in names {
            if let i = gpuModels.firstIndex(of: name), i < 64 { mask |= 1 << UInt64(i) }
        }
        return mask
    }
}
