import ColoModel

extension Scheduler {
    /// Plans priority preemption for a pod that fits nowhere: LS pods may evict BE pods of lower
    /// priority (DESIGN §6–§7).
    ///
    /// Kubernetes-style (`DefaultPreemption`, simplified): on each node, victims are taken lowest
    /// priority first (then the largest GPU holder) until the pod passes the filter; among the nodes
    /// where that works, the plan with the lowest highest-victim priority wins, then the fewest
    /// victims, then the node ranking (or lowest index). Returns `nil` if the pod is not LS or no
    /// eviction of eligible pods makes it fit. Pure: nothing is evicted; the caller releases the
    /// victims (``release(_:)``) and binds.
    public func preemptionPlan(for pod: PodRequest, running: [RunningPod]) -> PreemptionPlan? {
        var candidates = PreemptionCandidates(nodes: cluster.nodes.count, nodeRank: nodeRank)
        for r in running { candidates.add(r) }
        return preemptionPlan(for: pod, candidates: &candidates)
    }

    /// The same plan as ``preemptionPlan(for:running:)`` from BE pods already indexed per node.
    ///
    /// Only nodes with BE pods are looked at, and a node's plan is recomputed only if the node
    /// changed since the last plan for a pod of the same shape and priority (the index caches it),
    /// so a replay's preemptions stay cheap. ``PreemptionPlan/feasibleNodes`` counts the nodes with a
    /// plan. `candidates` must be built with this scheduler's node ranking, see every pod bound on and
    /// released from this scheduler (``PreemptionCandidates/add(_:)``,
    /// ``PreemptionCandidates/remove(ids:from:)``) and cover its nodes (else `nil`).
    public func preemptionPlan(for pod: PodRequest, candidates: inout PreemptionCandidates) -> PreemptionPlan? {
        let n = cluster.nodes.count
        guard pod.priorityClass == .latencySensitive, candidates.byNode.count == n, n > 0 else { return nil }
        let shape = PodShape(pod, in: cluster)
        let base = candidates.planSlot(shape, priority: pod.priority) * n
        var bestNode = -1
        var bestTaken = Int32.max
        var bestMax = Int.max
        var bestRank = Int.max
        var feasible = 0
        var scratch: [Int] = []
        // Nodes in index order with flat arrays (reading each node's victim list would cost a
        // pointer chase per node); a node without BE pods caches "no plan" like any other.
        for node in 0..<n {
            let slot = base + node
            let version = UInt64(nodeVersion[node]) << 32 | UInt64(candidates.version[node])
            if candidates.planVersion[slot] != version {
                let plan = Self.nodePlan(shape, priority: pod.priority, on: cluster.nodes[node],
                                         victims: candidates.byNode[node], scratch: &scratch)
                candidates.planVersion[slot] = version
                candidates.planTaken[slot] = Int32(plan.taken)
                candidates.planHighest[slot] = plan.highest
            }
            let taken = candidates.planTaken[slot]
            guard taken > 0 else { continue }
            feasible += 1
            let highest = candidates.planHighest[slot]
            let rank = candidates.rank[node]
            if (highest, taken, rank) < (bestMax, bestTaken, bestRank) {
                bestNode = node
                bestTaken = taken
                bestMax = highest
                bestRank = rank
            }
        }
        guard bestNode >= 0 else { return nil }
        let victims = Array(candidates.byNode[bestNode].prefix(Int(bestTaken)))
        return PreemptionPlan(node: bestNode, victims: victims.map(\.id), maxVictimPriority: bestMax,
                              victimPods: victims, feasibleNodes: feasible)
    }

    /// One node's plan: victims taken in order (eligible: priority below `priority`) until a pod of
    /// `shape` passes the filter. Returns the number taken (0: no plan, or the pod fits already)
    /// and the highest victim priority.
    static func nodePlan(_ shape: PodShape, priority: Int, on state: NodeState, victims: [RunningPod],
                         scratch gpuLeft: inout [Int]) -> (taken: Int, highest: Int) {
        guard let first = victims.first, first.priority < priority else { return (0, 0) }
        if shape.needsGPU {
            if state.spec.gpuCount < shape.gpuCount { return (0, 0) }
            if shape.modelMask != ~0 {
                guard state.modelIndex >= 0, state.modelIndex < 64,
                      shape.modelMask & (1 << UInt64(state.modelIndex)) != 0 else { return (0, 0) }
            }
        }
        if filter(shape, on: state) == .fits { return (0, 0) }
        var cpu = state.cpuLeft
        var memory = state.memoryLeft
        gpuLeft.removeAll(keepingCapacity: true)
        gpuLeft.append(contentsOf: state.gpuMilliLeft)
        var taken = 0
        var highest = Int.min
        for v in victims {
            if v.priority >= priority { break }
            taken += 1
            highest = max(highest, v.priority)
            cpu += v.placement.shape.cpuMilli
            memory += v.placement.shape.memoryMiB
            for g in v.placement.gpus where g < gpuLeft.count { gpuLeft[g] += v.placement.shape.gpuMilli }
            guard cpu >= shape.cpuMilli, memory >= shape.memoryMiB else { continue }
            if shape.needsGPU {
                var fitting = 0
                for left in gpuLeft where left >= shape.gpuMilli { fitting += 1 }
                guard fitting >= shape.gpuCount else { continue }
            }
            return (taken, highest)
        }
        return (0, 0)
    }

    /// Replaces this scheduler's view of the cluster (a fresh snapshot of a shared cluster),
    /// invalidating cached scores of the nodes that differ. Returns `false` (and changes nothing) if
    /// the snapshot is of a cluster with other nodes.
    @discardableResult
    public mutating func sync(to snapshot: ClusterState) -> Bool {
        guard snapshot.nodes.count == cluster.nodes.count,
              zip(snapshot.nodes, cluster.nodes).allSatisfy({ $0.spec == $1.spec }) else { return false }
        for i in snapshot.nodes.indices where snapshot.nodes[i] != cluster.nodes[i] {
            cluster.nodes[i] = snapshot.nodes[i]
            invalidate(i)
        }
        return true
    }
}
