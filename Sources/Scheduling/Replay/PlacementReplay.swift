import ColoModel

/// Replays pods through a scheduler one at a time, with no departures (the FGD methodology).
///
/// Weng et al., ATC'23 §6.1 and the artifact's `SchedulePods`: each pod in arrival order is
/// scheduled or fails; after each one the arrived GPU request and the allocated GPU are recorded.
///
/// With `preempt`, an LS pod that fits on no node asks
/// ``Scheduler/preemptionPlan(for:candidates:)``: if some node can host it after
/// evicting lower-priority BE pods, those victims are released, the pod is bound there (the only
/// node that changed, so the scheduler's normal choice lands on it) and the victims count as
/// preempted. A preempted pod is lost: as there are no departures in this methodology it is neither
/// re-queued nor re-offered, and its GPU no longer counts as allocated. BE pods never preempt and LS
/// pods are never victims. Without `preempt` the replay is exactly the FGD one (same digest).
public enum PlacementReplay {
    /// Runs `pods` (with one draw each) through a fresh scheduler over `cluster` using `policy`.
    ///
    /// `nodeRank` breaks score ties (lowest rank wins; `nil`: the draws decide); `observe`, if given,
    /// sees every decision (for `--explain`; preemptions are decisions with
    /// ``PlacementDecision/preemption`` set); `fragmentation` measures fragmentation at the end;
    /// `preempt` turns on priority preemption of BE pods by LS pods.
    public static func run<Policy: PlacementPolicy>(
        cluster: ClusterState, policy: Policy, pods: [PodRequest], draws: [PlacementDraws],
        nodeRank: [Int]? = nil, maxPercent: Int = 130, fragmentation: FragmentationModel? = nil,
        preempt: Bool = false, observe: ((Int, PlacementDecision) -> Void)? = nil
    ) -> ReplayResult {
        var scheduler = Scheduler(cluster: cluster, policy: policy, nodeRank: nodeRank)
        scheduler.explains = observe != nil
        var candidates = PreemptionCandidates(nodes: preempt ? cluster.nodes.count : 0, nodeRank: scheduler.nodeRank)
        let capacity = cluster.gpuMilliCapacity
        var curve = ArrivalCurve(gpus: cluster.gpuCount, maxPercent: maxPercent)
        var arrived = 0
        var used = cluster.gpuMilliAllocated
        var placed = 0
        var failed = 0
        var failedLS = 0
        var preemptions = 0
        var preempted = 0
        var preemptedGPU = 0
        var digest: UInt64 = 0xCBF2_9CE4_8422_2325
        @inline(__always) func mix(_ v: UInt64) {
            var x = v
            for _ in 0..<8 {
                digest ^= x & 0xFF
                digest = digest &* 0x0000_0100_0000_01B3
                x >>= 8
            }
        }
        for (i, pod) in pods.enumerated() {
            let shape = PodShape(pod, in: scheduler.cluster)
            arrived += shape.totalGPUMilli
            let d = i < draws.count ? draws[i] : .first
            var decision = scheduler.schedule(shape: shape, draws: d)
            if decision.placement == nil, preempt, pod.priorityClass == .latencySensitive {
                if let plan = scheduler.preemptionPlan(for: pod, candidates: &candidates) {
                    for v in candidates.remove(ids: plan.victims, from: plan.node) {
                        scheduler.release(v.placement)
                        let gpu = v.placement.shape.gpuMilli * v.placement.gpus.count
                        used -= gpu
                        preemptedGPU += gpu
                        preempted += 1
                        mix(UInt64(v.id))
                    }
                    let bound = scheduler.schedule(shape: shape, draws: d)
                    assert(bound.placement?.node == plan.node, "only the plan's node changed, so the pod lands there")
                    decision.placement = bound.placement
                    decision.score = bound.score
                    decision.preemption = plan
                    decision.preemptionFound = true
                    if bound.placement != nil { preemptions += 1 }
                } else {
                    decision.preemptionFound = false
                }
            }
            if let p = decision.placement {
                placed += 1
                used += shape.gpuMilli * p.gpus.count
                mix(UInt64(p.node))
                mix(p.gpus.mask)
                if preempt {
                    candidates.add(RunningPod(id: i, placement: p, priorityClass: pod.priorityClass, priority: pod.priority))
                }
            } else {
                failed += 1
                if pod.priorityClass == .latencySensitive { failedLS += 1 }
                mix(UInt64.max)
            }
            observe?(i, decision)
            curve.record(arrivedMilli: arrived, usedMilli: used)
        }
        var frag: Double?
        if let model = fragmentation {
            var f = 0.0
            for node in scheduler.cluster.nodes { f += model.fragmentation(of: node) }
            frag = f
        }
        return ReplayResult(clusterGPUMilli: capacity, arrivedGPUMilli: arrived, allocatedGPUMilli: used,
                            placedPods: placed, failedPods: failed, allocationByArrival: curve.values(maxPercent: maxPercent),
                            fragmentedGPUMilli: frag, digest: digest, preemptingPods: preemptions,
                            preemptedPods: preempted, preemptedGPUMilli: preemptedGPU,
                            failedLSPods: failedLS, failedBEPods: failed - failedLS)
    }
}
