import ColoModel

/// GPU clustering: prefer nodes already hosting pods of the same GPU request size.
///
/// The FGD artifact's `gpu_clustering_score.go`: pods are tagged `share-gpu` or `k-gpu`; a node that
/// hosts only pods of the pod's tag scores in (75, 100], one hosting it among others (50, 75], an
/// empty node (25, 50], a node with other tags only (0, 25]; inside a band the fuller node wins
/// (25 · (8000 − free milli-GPU) / 8000, integer arithmetic). CPU pods score 0 everywhere.
public struct GPUClusteringPolicy: PlacementPolicy {
    /// Creates the policy.
    public init() {}
    /// `gpu-clustering`.
    public var name: String { "gpu-clustering" }
    /// Tightest-fit GPU for sharing pods.
    public var gpuSelection: GPUSelection { .bestFit }

    /// Clustering score.
    public func score(_ shape: PodShape, on node: NodeState) -> PolicyScore {
        let tag = shape.affinityTag
        guard tag >= 0 else { return PolicyScore(0) }
        let quarter = ArtifactConstants.maxNodeScore / 4
        let maxGPU = Int64(ArtifactConstants.maxSpecGPUMilli)
        let fill = quarter * (maxGPU - Int64(node.gpuMilliLeftTotal)) / maxGPU
        let sameTag = tag < node.affinityCounts.count ? node.affinityCounts[tag] : 0
        let distinct = node.distinctAffinities
        if sameTag > 0 {
            return PolicyScore(fill + (distinct == 1 ? 3 * quarter : 2 * quarter))
        }
        return PolicyScore(fill + (distinct == 0 ? quarter : 0))
    }
}
