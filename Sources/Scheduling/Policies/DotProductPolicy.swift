import ColoModel

/// Tetris-style alignment: prefer the node whose free (CPU, GPU) vector aligns least with the pod's.
///
/// Grandl et al., "Multi-resource packing for cluster schedulers", SIGCOMM 2014, as the FGD artifact
/// implements it (`dot_product_score.go`, `dimExtMethod: merge`, `normMethod: max`): both vectors are
/// normalised by the largest node spec (128 CPU, 8 GPU), score = ⌊100 · (1 − (free·req)/2)⌋.
public struct DotProductPolicy: PlacementPolicy {
    /// Creates the policy.
    public init() {}
    /// `dot-product`.
    public var name: String { "dot-product" }
    /// Tightest-fit GPU for sharing pods (the artifact's `-gpusel best`).
    public var gpuSelection: GPUSelection { .bestFit }

    /// Dot-product score of the node's free vector with the pod's request vector.
    public func score(_ shape: PodShape, on node: NodeState) -> PolicyScore {
        let maxCPU = Double(ArtifactConstants.maxSpecCPUMilli)
        let maxGPU = Double(ArtifactConstants.maxSpecGPUMilli)
        let n0 = Double(node.cpuLeft) / maxCPU
        let n1 = Double(node.gpuMilliLeftTotal) / maxGPU
        let p0 = Double(shape.scoringCPUMilli) / maxCPU
        let p1 = Double(shape.totalGPUMilli) / maxGPU
        var dot = 0.0
        dot += n0 * p0
        dot += n1 * p1
        let s = 1 - dot / 2
        return PolicyScore(Int64(100 * s))
    }
}
