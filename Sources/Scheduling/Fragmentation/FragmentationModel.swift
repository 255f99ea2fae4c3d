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

    /// Per node model (index 0: nodes without a known model, `k + 1`: model `k`), the groups
    /// flattened: group `g` of model `m` is `groupStart[m] + g`; its CPU thresholds and cumulative
    /// popularity are `cpuStart[group] ..< cpuStart[group + 1]` of `cpus` / `cumulative`.
    let groupStart: [Int]
    let shares: [Int]
    let counts: [Int]
    let cpuStart: [Int]
    let cpus: [Int]
    let cumulative: [Double]
    /// The typical pods the model was built from.
    public let typicalPods: [TypicalPod]

    /// Builds the model for the GPU models of `cluster`.
    public init(typicalPods: [TypicalPod], cluster: ClusterState) {
        self.typicalPods = typicalPods
        var groupStart: [Int] = []
        var shares: [Int] = []
        var counts: [Int] = []
        var cpuStart: [Int] = []
        var cpus: [Int] = []
        var cumulative: [Double] = []
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
            groupStart.append(shares.count)
            for g in groups {
                let order = g.cpus.indices.sorted { g.cpus[$0] < g.cpus[$1] }
                shares.append(g.share)
                counts.append(g.count)
                cpuStart.append(cpus.count)
                var acc = 0.0
                for o in order {
                    acc += g.cumulativePopularity[o]
                    cpus.append(g.cpus[o])
                    cumulative.append(acc)
                }
            }
        }
        groupStart.append(shares.count)
        cpuStart.append(cpus.count)
        self.groupStart = groupStart
        self.shares = shares
        self.counts = counts
        self.cpuStart = cpuStart
        self.cpus = cpus
        self.cumulative = cumulative
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
        let m = model + 1
        guard m >= 0, m + 1 < groupStart.count else { return Double(idle) }
        for g in groupStart[m]..<groupStart[m + 1] {
            let share = shares[g]
            var s = 0
            var c = 0
            for v in lefts where v >= share {
                s += v
                c += 1
            }
            if c < counts[g] || s == 0 { continue }
            var k = cpuStart[g]
            let end = cpuStart[g + 1]
            while k < end && cpus[k] <= cpuLeft { k += 1 }
            if k == cpuStart[g] { continue }
            reduction += Double(s) * cumulative[k - 1]
        }
        return Double(idle) - reduction
    }
}
