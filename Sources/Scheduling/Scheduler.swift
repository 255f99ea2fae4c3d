import ColoModel

/// A Kubernetes-shaped scheduler core: filter → score → select host → bind, as a pure value.
///
/// One pod at a time: every node is filtered (CPU, memory, GPU model, GPU capacity), the nodes that
/// fit are scored by the ``PlacementPolicy`` and the best score wins. Ties are broken either by a
/// fixed node ranking (``nodeRank``: the FGD artifact's Kubernetes fork picks the lexicographically
/// smallest node name, and the artifact prefixes node names with a seeded random permutation) or,
/// without a ranking, uniformly by the caller's ``ColoModel/PlacementDraws`` (upstream Kubernetes
/// `selectHost`). Then the pod is bound and the node's free resources shrink. Filter verdicts and scores are cached per
/// (node, ``PodShape``) and recomputed only for nodes whose state changed, which keeps FGD fast.
/// No clock, no randomness, no I/O.
public struct Scheduler<Policy: PlacementPolicy>: Sendable {
    /// The cluster and its free resources.
    public internal(set) var cluster: ClusterState
    /// The placement policy.
    public let policy: Policy
    /// The scheduler's name (pods name the scheduler that must place them).
    public let name: String
    /// Tie-break ranking of nodes (lower wins), or `nil` to break ties with the pod's draws.
    public var nodeRank: [Int]?

    /// Whether decisions carry full explanations (feasible and tied node counts, filter verdicts).
    ///
    /// With a node ranking and explanations off, the scheduler keeps per shape a heap of candidates
    /// and rescans only nodes that changed since that shape was last scheduled; the placement is the
    /// same, but ``PlacementDecision/feasibleNodes`` and ``PlacementDecision/tiedNodes`` are -1.
    public var explains = true

    private var shapeIDs: [PodShape: Int] = [:]
    private var heaps: [BestNodeHeap] = []
    private var feasibleIndexes: [FeasibleNodeIndex] = []
    private var changeLog: [Int32] = []
    private(set) var nodeVersion: [UInt32]
    private var cacheVersion: [UInt32] = []
    private var cacheScore: [Int64] = []
    private var cacheGPU: [Int16] = []
    private var cacheVerdict: [UInt8] = []
    private var heapVersion: [UInt32] = []

    /// Creates a scheduler over `cluster` with `policy`.
    public init(cluster: ClusterState, policy: Policy, name: String = PodRequest.defaultScheduler,
                nodeRank: [Int]? = nil) {
        self.cluster = cluster
        self.policy = policy
        self.name = name
        self.nodeRank = nodeRank?.count == cluster.nodes.count ? nodeRank : nil
        nodeVersion = Array(repeating: 1, count: cluster.nodes.count)
    }

    /// The filter phase for one node (Kubernetes NodeResourcesFit + open-gpu-share `Filter`).
    public static func filter(_ shape: PodShape, on node: NodeState) -> FilterVerdict {
        if node.cpuLeft < shape.cpuMilli { return .insufficientCPU }
        if node.memoryLeft < shape.memoryMiB { return .insufficientMemory }
        guard shape.needsGPU else { return .fits }
        if node.spec.gpuCount == 0 { return .noGPU }
        if shape.modelMask != ~0 {
            guard node.modelIndex >= 0, node.modelIndex < 64,
                  shape.modelMask & (1 << UInt64(node.modelIndex)) != 0 else { return .gpuModelMismatch }
        }
        var fitting = 0
        for left in node.gpuMilliLeft where left >= shape.gpuMilli { fitting += 1 }
        return fitting >= shape.gpuCount ? .fits : .insufficientGPU
    }

    /// Schedules `pod`: binds it to the best node, or reports that none fits.
    public mutating func schedule(_ pod: PodRequest, draws: PlacementDraws) -> PlacementDecision {
        schedule(shape: PodShape(pod, in: cluster), draws: draws)
    }

    /// Schedules a pod of `shape` (see ``schedule(_:draws:)``).
    public mutating func schedule(shape: PodShape, draws: PlacementDraws) -> PlacementDecision {
        let n = cluster.nodes.count
        guard n > 0 else {
            return PlacementDecision(placement: nil, score: 0, feasibleNodes: 0, tiedNodes: 0,
                                     verdictCounts: Array(repeating: 0, count: FilterVerdict.allCases.count))
        }
        let sid = shapeID(shape)
        let base = sid * n
        if !explains, let ranks = nodeRank, !policy.drawsAmongTies {
            return scheduleRanked(shape, sid: sid, ranks: ranks, draws: draws)
        }
        if !explains, policy.scoresAreUniform, policy.drawsAmongTies || nodeRank == nil {
            return scheduleUniform(shape, sid: sid, draws: draws)
        }
        for i in 0..<n where cacheVersion[base + i] != nodeVersion[i] {
            refresh(shape, node: i, slot: base + i)
        }
        var counts = Array(repeating: 0, count: FilterVerdict.allCases.count)
        var best = Int64.min
        var tied = 0
        var feasible = 0
        var chosen = -1
        let ranks = policy.drawsAmongTies ? nil : nodeRank
        let verdicts = cacheVerdict
        let scores = cacheScore
        verdicts.withUnsafeBufferPointer { vb in
            scores.withUnsafeBufferPointer { sb in
                guard let vBase = vb.baseAddress, let sBase = sb.baseAddress else { return }
                let v = vBase + base
                let sc = sBase + base
                var chosenRank = Int.max
                var rejected = 0
                for i in 0..<n {
                    if v[i] != 0 {
                        rejected += 1
                        continue
                    }
                    feasible += 1
                    let s = sc[i]
                    if s > best {
                        best = s
                        tied = 1
                        chosen = i
                        chosenRank = ranks?[i] ?? 0
                    } else if s == best {
                        tied += 1
                        if let ranks, ranks[i] < chosenRank {
                            chosen = i
                            chosenRank = ranks[i]
                        }
                    }
                }
                counts[0] = feasible
                if rejected > 0 {
                    for i in 0..<n where v[i] != 0 { counts[Int(v[i])] += 1 }
                }
            }
        }
        guard feasible > 0 else {
            return PlacementDecision(placement: nil, score: 0, feasibleNodes: 0, tiedNodes: 0, verdictCounts: counts)
        }
        if ranks == nil && tied > 1 {
            let k = min(tied - 1, max(0, Int(draws.node * Double(tied))))
            var seen = 0
            for i in 0..<n where cacheVerdict[base + i] == 0 && cacheScore[base + i] == best {
                if seen == k {
                    chosen = i
                    break
                }
                seen += 1
            }
        }
        let gpus = chooseGPUs(shape, node: chosen, preferred: Int(cacheGPU[base + chosen]), draws: draws)
        let placement = bind(shape, node: chosen, gpus: gpus)
        return PlacementDecision(placement: placement, score: best, feasibleNodes: feasible,
                                 tiedNodes: tied, tieBrokenByRank: ranks != nil, verdictCounts: counts)
    }

    /// Binds a pod of `shape` to `node` using `gpus`, taking its resources.
    ///
    /// The caller guarantees the node fits (``filter(_:on:)``); used by ``schedule(shape:draws:)``
    /// and by callers replaying known placements.
    @discardableResult
    public mutating func bind(_ shape: PodShape, node: Int, gpus: GPUSet) -> Placement {
        cluster.nodes[node].cpuLeft -= shape.cpuMilli
        cluster.nodes[node].memoryLeft -= shape.memoryMiB
        for g in gpus { cluster.nodes[node].gpuMilliLeft[g] -= shape.gpuMilli }
        let tag = shape.affinityTag
        if tag >= 0, tag < cluster.nodes[node].affinityCounts.count { cluster.nodes[node].affinityCounts[tag] += 1 }
        cluster.nodes[node].podCount += 1
        touch(node)
        return Placement(node: node, gpus: gpus, shape: shape)
    }

    /// Releases a bound pod (departure or preemption), returning its resources.
    public mutating func release(_ placement: Placement) {
        let node = placement.node
        let shape = placement.shape
        cluster.nodes[node].cpuLeft += shape.cpuMilli
        cluster.nodes[node].memoryLeft += shape.memoryMiB
        for g in placement.gpus { cluster.nodes[node].gpuMilliLeft[g] += shape.gpuMilli }
        let tag = shape.affinityTag
        if tag >= 0, tag < cluster.nodes[node].affinityCounts.count { cluster.nodes[node].affinityCounts[tag] -= 1 }
        cluster.nodes[node].podCount -= 1
        touch(node)
    }

    /// Sets the free milli-GPU of one GPU: a pool whose capacity follows other pods (the beside-LS
    /// pool and the per-GPU pod limits of ``ColocationScheduler``).
    mutating func setGPUMilliLeft(node: Int, gpu: Int, to milli: Int) {
        guard cluster.nodes[node].gpuMilliLeft[gpu] != milli else { return }
        cluster.nodes[node].gpuMilliLeft[gpu] = milli
        touch(node)
    }

    // MARK: - internals

    /// Marks `node` changed so cached verdicts and scores are recomputed.
    mutating func invalidate(_ node: Int) { touch(node) }

    private mutating func touch(_ node: Int) {
        nodeVersion[node] &+= 1
        if nodeVersion[node] == 0 { nodeVersion[node] = 1 }
        changeLog.append(Int32(node))
    }

    /// Uniform choice among feasible nodes from the shape's feasible-node index (same node as the
    /// full scan: the k-th feasible node in node order).
    private mutating func scheduleUniform(_ shape: PodShape, sid: Int, draws: PlacementDraws) -> PlacementDecision {
        let n = cluster.nodes.count
        let base = sid * n
        @inline(__always) func update(_ i: Int) {
            let slot = base + i
            if cacheVersion[slot] != nodeVersion[i] { refresh(shape, node: i, slot: slot) }
            feasibleIndexes[sid].set(i, cacheVerdict[slot] == 0)
        }
        if feasibleIndexes[sid].logPosition < 0 {
            for i in 0..<n { update(i) }
        } else {
            for j in feasibleIndexes[sid].logPosition..<changeLog.count { update(Int(changeLog[j])) }
        }
        feasibleIndexes[sid].logPosition = changeLog.count
        let feasible = feasibleIndexes[sid].count
        let none = Array(repeating: 0, count: FilterVerdict.allCases.count)
        guard feasible > 0 else {
            return PlacementDecision(placement: nil, score: 0, feasibleNodes: 0, tiedNodes: 0, verdictCounts: none)
        }
        let k = min(feasible - 1, max(0, Int(draws.node * Double(feasible))))
        let chosen = feasibleIndexes[sid].node(at: k)
        let gpus = chooseGPUs(shape, node: chosen, preferred: Int(cacheGPU[base + chosen]), draws: draws)
        let placement = bind(shape, node: chosen, gpus: gpus)
        return PlacementDecision(placement: placement, score: cacheScore[base + chosen], feasibleNodes: feasible,
                                 tiedNodes: feasible, verdictCounts: none)
    }

    /// Ranked selection from the shape's candidate heap, refreshing only changed nodes.
    private mutating func scheduleRanked(_ shape: PodShape, sid: Int, ranks: [Int], draws: PlacementDraws) -> PlacementDecision {
        let n = cluster.nodes.count
        let base = sid * n
        @inline(__always) func offer(_ i: Int) {
            let slot = base + i
            if cacheVersion[slot] != nodeVersion[i] { refresh(shape, node: i, slot: slot) }
            guard cacheVerdict[slot] == 0, heapVersion[slot] != nodeVersion[i] else { return }
            heapVersion[slot] = nodeVersion[i]
            heaps[sid].push(.init(score: cacheScore[slot], rank: Int32(truncatingIfNeeded: ranks[i]),
                                  node: Int32(i), version: nodeVersion[i]))
        }
        if heaps[sid].logPosition < 0 {
            for i in 0..<n { offer(i) }
        } else {
            for j in heaps[sid].logPosition..<changeLog.count { offer(Int(changeLog[j])) }
        }
        heaps[sid].logPosition = changeLog.count
        while let top = heaps[sid].top, top.version != nodeVersion[Int(top.node)] { heaps[sid].popTop() }
        if heaps[sid].count > 4 * n + 64 {
            let versions = nodeVersion
            heaps[sid].compact { versions[Int($0.node)] == $0.version }
        }
        guard let top = heaps[sid].top else {
            return PlacementDecision(placement: nil, score: 0, feasibleNodes: 0, tiedNodes: 0,
                                     verdictCounts: Array(repeating: 0, count: FilterVerdict.allCases.count))
        }
        let chosen = Int(top.node)
        let gpus = chooseGPUs(shape, node: chosen, preferred: Int(cacheGPU[base + chosen]), draws: draws)
        let placement = bind(shape, node: chosen, gpus: gpus)
        return PlacementDecision(placement: placement, score: top.score, feasibleNodes: -1, tiedNodes: -1,
                                 tieBrokenByRank: true, verdictCounts: Array(repeating: 0, count: FilterVerdict.allCases.count))
    }

    private mutating func shapeID(_ shape: PodShape) -> Int {
        if let id = shapeIDs[shape] { return id }
        let id = shapeIDs.count
        shapeIDs[shape] = id
        let n = cluster.nodes.count
        cacheVersion.append(contentsOf: repeatElement(0, count: n))
        cacheScore.append(contentsOf: repeatElement(0, count: n))
        cacheGPU.append(contentsOf: repeatElement(-1, count: n))
        cacheVerdict.append(contentsOf: repeatElement(0, count: n))
        heapVersion.append(contentsOf: repeatElement(0, count: n))
        var heap = BestNodeHeap()
        heap.logPosition = -1
        heaps.append(heap)
        feasibleIndexes.append(FeasibleNodeIndex(nodes: n))
        return id
    }

    private mutating func refresh(_ shape: PodShape, node i: Int, slot: Int) {
        let node = cluster.nodes[i]
        let verdict = Self.filter(shape, on: node)
        cacheVerdict[slot] = verdict.rawValue
        if verdict == .fits {
            let s = policy.score(shape, on: node)
            cacheScore[slot] = s.value
            cacheGPU[slot] = Int16(clamping: s.preferredGPU)
        }
        cacheVersion[slot] = nodeVersion[i]
    }

    private func chooseGPUs(_ shape: PodShape, node i: Int, preferred: Int, draws: PlacementDraws) -> GPUSet {
        guard shape.needsGPU else { return GPUSet() }
        let lefts = cluster.nodes[i].gpuMilliLeft
        if shape.isSharing {
            if preferred >= 0, preferred < lefts.count, lefts[preferred] >= shape.gpuMilli {
                return GPUSet([preferred])
            }
            var pick = -1
            switch policy.gpuSelection {
            case .bestFit:
                for (g, left) in lefts.enumerated() where left >= shape.gpuMilli {
                    if pick < 0 || left < lefts[pick] { pick = g }
                }
            case .worstFit:
                for (g, left) in lefts.enumerated() where left >= shape.gpuMilli {
                    if pick < 0 || left > lefts[pick] { pick = g }
                }
            case .random:
                var fitting = 0
                for left in lefts where left >= shape.gpuMilli { fitting += 1 }
                let k = min(fitting - 1, max(0, Int(draws.gpu * Double(fitting))))
                var seen = 0
                for (g, left) in lefts.enumerated() where left >= shape.gpuMilli {
                    if seen == k {
                        pick = g
                        break
                    }
                    seen += 1
                }
            }
            return pick >= 0 ? GPUSet([pick]) : GPUSet()
        }
        // Whole GPUs (or several shares): the lowest-index GPUs with room, as open-gpu-share's
        // AllocateExclusiveGpuId takes the lowest-index idle GPUs.
        var set = GPUSet()
        for (g, left) in lefts.enumerated() where left >= shape.gpuMilli && set.count < shape.gpuCount {
            set.insert(g)
        }
        return set
    }
}
