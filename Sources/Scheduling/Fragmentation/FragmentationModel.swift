import ColoModel

/// FGD's node fragmentation F_n = Σ_m p_m · F_n(m), computed fast for any node state.
///
/// Weng et al., ATC'23 §4.2, as the artifact computes it (`NodeGpuShareFragAmount`): for a typical
/// pod m that fits the node (GPU model allowed, enough CPU, enough GPUs with its share free),
/// F_n(m) is the idle milli-GPU on GPUs whose free share is below m's; otherwise — and always for CPU
/// pods — F_n(m) is all idle milli-GPU of the node. With Σ p_m = 1 this is
/// F_n = idle − Σ_{m fits} p_m · S_{≥u_m}, where S_{≥u} sums the free shares ≥ u. Typical pods are
/// grouped per GPU model by (share, GPU count) with cumulative popularity over increasing CPU, so one
/// evaluation costs O(groups × GPUs).
public struct FragmentationModel: Sendable {
    struct Group: Sendable {
        var share: Int
        var count: Int
        var cpus: [Int]
        var cumulativePopularity: [Double]
    }

    /// Groups per node model: index 0 for nodes without a known model, `k + 1` for model `k`.
    let groupsByModel: [[Group]]
    /// The typical pods the model was built from.
    public let typicalPods: [TypicalPod]

    /// Builds the model for the GPU models of `cluster`.
    public init(typicalPods: [TypicalPod], cluster: ClusterState) {
        self.typicalPods = typicalPods
        var byModel: [[Group]] = []
        for modelIndex in -1..<cluster.gpuModels.count {
            let modelName = modelIndex >= 0 ? cluster.gpuModels[modelIndex] : nil
            var groups: [Group] = []
            var lookup: [[Int]: Int] = [:]
            for t in typicalPods where t.gpuMilli > 0 && t.gpuCount > 0 {
                let names = t.gpuModels.split(separator: "|").map(String.init).filter { !$0.isEmpty }
                if !names.isEmpty {
                    guard let m = modelName, names.contains(m) else { continue }
                }
                let key = [t.gpuMilli, t.gpuCount]
                let gi: Int
                if let existing = lookup[key] {
                    gi = existing
                } else {
                    gi = groups.count
                    lookup[key] = gi
                    groups.append(Group(share: t.gpuMilli, count: t.gpuCount, cpus: [], cumulativePopularity: []))
                }
                groups[gi].cpus.append(t.cpuMilli)
                groups[gi].cumulativePopularity.append(t.popularity)
            }
            for gi in groups.indices {
                let order = groups[gi].cpus.indices.sorted { groups[gi].cpus[$0] < groups[gi].cpus[$1] }
                let cpus = order.map { groups[gi].cpus[$0] }
                var cum: [Double] = []
                var acc = 0.0
                for o in order {
                    acc += groups[gi].cumulativePopularity[o]
                    cum.append(acc)
                }
                groups[gi].cpus = cpus
                groups[gi].cumulativePopularity = cum
            }
            byModel.append(groups)
        }
        groupsByModel = byModel
    }

    /// Fragmented milli-GPU of `node` in its current state.
    public func fragmentation(of node: NodeState) -> Double {
        node.gpuMilliLeft.withUnsafeBufferPointer { fragmentation(model: node.modelIndex, gpuMilliLeft: $0, cpuLeft: node.cpuLeft) }
    }

    /// Fragmented milli-GPU of a node of GPU model `model` with the given free shares and CPU.
    public func fragmentation(model: Int, gpuMilliLeft lefts: UnsafeBufferPointer<Int>, cpuLeft: Int) -> Double {
        var idle = 0
        for v in lefts { idle += v }
        if idle == 0 { return 0 }
        var reduction = 0.0
        for g in groupsByModel[model + 1] {
            var s = 0
            var c = 0
            for v in lefts where v >= g.share {
                s += v
                c += 1
            }
            if c < g.count || s == 0 { continue }
            var k = 0
            let cpus = g.cpus
            while k < cpus.count && cpus[k] <= cpuLeft { k += 1 }
            if k == 0 { continue }
            reduction += Double(s) * g.cumulativePopularity[k - 1]
        }
        return Double(idle) - reduction
    }
}
