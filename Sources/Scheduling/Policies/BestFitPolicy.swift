import ColoModel

/// Best fit: the node with the least normalised leftover, 0.5·CPU + 0.5·GPU.
///
/// The FGD artifact's `best_fit_score.go`: score = ⌊100 · (1 − Σ wᵢ (freeᵢ − reqᵢ)/maxSpecᵢ)⌋ with
/// w = (0.5, 0.5) and maxSpec = (128 CPU, 8 GPU). The artifact min-max normalises the scores
/// (integer `NormalizeScore`); that keeps exactly the highest raw scores on top, so the choice is
/// the same without it.
public struct BestFitPolicy: PlacementPolicy {
    /// Creates the policy.
    public init() {}
    /// `best-fit`.
    public var name: String { "best-fit" }
    /// Tightest-fit GPU for sharing pods.
    public var gpuSelection: GPUSelection { .bestFit }

    /// Best-fit score.
    public func score(_ shape: PodShape, on node: NodeState) -> PolicyScore {
        var s = 0.0
        s += (Double(node.cpuLeft) - Double(shape.scoringCPUMilli)) / Double(ArtifactConstants.maxSpecCPUMilli) * 0.5
        s += (Double(node.gpuMilliLeftTotal) - Double(shape.totalGPUMilli)) / Double(ArtifactConstants.maxSpecGPUMilli) * 0.5
        return PolicyScore(Int64((1.0 - s) * 100))
    }
}
