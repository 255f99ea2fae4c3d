import ColoModel

/// GPU packing: prefer shared GPUs, then idle GPUs on used nodes, then idle nodes.
///
/// The FGD artifact's `gpu_packing_score.go`: case 1 (only partly used GPUs needed)
/// scores max(100 − Σ⌊free%⌋/10, 50); case 2 (some idle GPU needed on a used node)
/// max(50 − idle GPUs taken, 33); case 3 (all GPUs idle) max(33 − idle GPUs, idle GPUs).
/// GPUs are taken tightest first. CPU pods score 0 everywhere.
public struct GPUPackingPolicy: PlacementPolicy {
    /// Creates the policy.
    public init() {}
    /// `gpu-packing`.
    public var name: String { "gpu-packing" }
    /// Tightest-fit GPU for sharing pods.
    public var gpuSelection: GPUSelection { .bestFit }

    /// Packing score.
    public func score(_ shape: PodShape, on node: NodeState) -> PolicyScore {
        guard shape.needsGPU else { return PolicyScore(0) }
        let maxScore = ArtifactConstants.maxNodeScore
        let free = node.fullyFreeGPUs
        if free == node.spec.gpuCount {
            return PolicyScore(max(maxScore / 3 - Int64(free), Int64(free)))
        }
        // Tightest GPUs first (stable ascending order of free share), as SortedMilliGpuLeftIndexList.
        let lefts = node.gpuMilliLeft
        let order = lefts.indices.sorted { lefts[$0] < lefts[$1] || (lefts[$0] == lefts[$1] && $0 < $1) }
        var need = shape.gpuCount
        var idleTaken = 0
        var freePercentOnUsed: Int64 = 0
        for g in order where need > 0 && lefts[g] >= shape.gpuMilli {
            need -= 1
            if lefts[g] == GPUShare.milliPerGPU { idleTaken += 1 }
            freePercentOnUsed += Int64(lefts[g]) * 100 / Int64(GPUShare.milliPerGPU)
        }
        if idleTaken > 0 {
            return PolicyScore(max(maxScore / 2 - Int64(idleTaken), maxScore / 3))
        }
        return PolicyScore(max(maxScore - freePercentOnUsed / 10, maxScore / 2))
    }
}
