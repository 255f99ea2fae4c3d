import ColoModel

/// A type-erased placement policy, so schedulers with different policies can share one array.
public struct AnyPlacementPolicy: PlacementPolicy {
    /// The wrapped policy.
    public let base: any PlacementPolicy

    /// Wraps `base`.
    public init(_ base: some PlacementPolicy) { self.base = base }

    /// The wrapped policy's name.
    public var name: String { base.name }
    /// The wrapped policy's GPU selection.
    public var gpuSelection: GPUSelection { base.gpuSelection }
    /// The wrapped policy's tie rule.
    public var drawsAmongTies: Bool { base.drawsAmongTies }
    /// The wrapped policy's uniformity.
    public var scoresAreUniform: Bool { base.scoresAreUniform }
    /// The wrapped policy's score.
    public func score(_ shape: PodShape, on node: NodeState) -> PolicyScore { base.score(shape, on: node) }
}

extension PlacementPolicyKind {
    /// The policy as a type-erased value (`typicalPods` feed FGD).
    public func policy(cluster: ClusterState, typicalPods: [TypicalPod]) -> AnyPlacementPolicy {
        switch self {
        case .random: AnyPlacementPolicy(RandomPolicy())
        case .dotProduct: AnyPlacementPolicy(DotProductPolicy())
        case .gpuClustering: AnyPlacementPolicy(GPUClusteringPolicy())
        case .gpuPacking: AnyPlacementPolicy(GPUPackingPolicy())
        case .bestFit: AnyPlacementPolicy(BestFitPolicy())
        case .fgd: AnyPlacementPolicy(FGDPolicy(model: FragmentationModel(typicalPods: typicalPods, cluster: cluster)))
        case .binpack: AnyPlacementPolicy(HAMiPolicy(node: .binpack, gpu: .binpack))
        case .spread: AnyPlacementPolicy(HAMiPolicy(node: .spread, gpu: .spread))
        case .nodeBinpackGPUSpread: AnyPlacementPolicy(HAMiPolicy(node: .binpack, gpu: .spread))
        case .nodeSpreadGPUBinpack: AnyPlacementPolicy(HAMiPolicy(node: .spread, gpu: .binpack))
        }
    }
}
