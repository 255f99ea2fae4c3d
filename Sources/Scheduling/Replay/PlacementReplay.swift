import ColoModel

/// Replays pods through a scheduler one at a time, with no departures (the FGD methodology).
///
/// Weng et al., ATC'23 §6.1 and the artifact's `SchedulePods`: each pod in arrival order is
/// scheduled or fails; after each one the arrived GPU request and the allocated GPU are recorded.
public enum PlacementReplay {
    /// Runs `pods` (with one draw each) through a fresh scheduler over `cluster` using `policy`.
    ///
    /// `nodeRank` breaks score ties (lowest rank wins; `nil`: the draws decide); `observe`, if given,
    /// sees every decision (for `--explain`); `fragmentation` measures fragmentation at the end.
    public static func run<Policy: PlacementPolicy>(
        cluster: ClusterState, policy: Policy, pods: [PodRequest], draws: [PlacementDraws],
        nodeRank: [Int]? = nil, maxPercent: Int = 130, fragmentation: FragmentationModel? = nil,
        observe: ((Int, PlacementDecision) -> Void)? = nil
    ) -> ReplayResult {
        var scheduler = Scheduler(cluster: cluster, policy: policy, nodeRank: nodeRank)
        scheduler.explains = observe != nil
        let capacity = cluster.gpuMilliCapacity
        var curve = ArrivalCurve(gpus: capacity / 1000, maxPercent: maxPercent)
        var arrived = 0
        var used = cluster.gpuMilliAllocated
        var placed = 0
        var failed = 0
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
            let decision = scheduler.schedule(shape: shape, draws: d)
            if let p = decision.placement {
                placed += 1
                used += shape.gpuMilli * p.gpus.count
                mix(UInt64(p.node))
                mix(p.gpus.mask)
            } else {
                failed += 1
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
                            fragmentedGPUMilli: frag, digest: digest)
    }
}
