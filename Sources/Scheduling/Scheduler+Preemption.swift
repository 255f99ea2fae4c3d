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
        guard pod.priorityClass == .latencySensitive else { return nil }
        let shape = PodShape(pod, in: cluster)
        var byNode: [Int: [RunningPod]] = [:]
        for r in running where r.priorityClass == .bestEffort && r.priority < pod.priority {
            byNode[r.placement.node, default: []].append(r)
        }
        var best: (plan: PreemptionPlan, rank: Int)?
        for (node, candidates) in byNode {
            let ordered = candidates.sorted {
                ($0.priority, -$0.placement.shape.totalGPUMilli, $0.id) < ($1.priority, -$1.placement.shape.totalGPUMilli, $1.id)
            }
            var state = cluster.nodes[node]
            var victims: [Int] = []
            var maxPriority = Int.min
            var fits = Self.filter(shape, on: state) == .fits
            for v in ordered where !fits {
                state.cpuLeft += v.placement.shape.cpuMilli
                state.memoryLeft += v.placement.shape.memoryMiB
                for g in v.placement.gpus { state.gpuMilliLeft[g] += v.placement.shape.gpuMilli }
                victims.append(v.id)
                maxPriority = max(maxPriority, v.priority)
                fits = Self.filter(shape, on: state) == .fits
            }
            guard fits, !victims.isEmpty else { continue }
            let plan = PreemptionPlan(node: node, victims: victims, maxVictimPriority: maxPriority)
            let rank = nodeRank?[node] ?? node
            if let b = best {
                let better = (plan.maxVictimPriority, plan.victims.count, rank) < (b.plan.maxVictimPriority, b.plan.victims.count, b.rank)
                if !better { continue }
            }
            best = (plan, rank)
        }
        return best?.plan
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
