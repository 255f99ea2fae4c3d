import ColoModel

/// A type-erased ``PlacementPolicy`` so schedulers with different policies can sit side by side.
public struct AnyPlacementPolicy: PlacementPolicy {
    /// The wrapped policy.
    public let base: any PlacementPolicy

    /// Wraps `base`.
    public init(_ base: any PlacementPolicy) { self.base = base }

    /// The policy named `kind`; FGD measures fragmentation against `typicalPods` on `cluster`.
    public init(kind: PlacementPolicyKind, typicalPods: [TypicalPod], cluster: ClusterState) {
        switch kind {
        case .random: base = RandomPolicy()
        case .dotProduct: base = DotProductPolicy()
        case .gpuClustering: base = GPUClusteringPolicy()
        case .gpuPacking: base = GPUPackingPolicy()
        case .bestFit: base = BestFitPolicy()
        case .fgd: base = FGDPolicy(model: FragmentationModel(typicalPods: typicalPods, cluster: cluster))
        case .binpack: base = HAMiPolicy(node: .binpack, gpu: .binpack)
        case .spread: base = HAMiPolicy(node: .spread, gpu: .spread)
        case .nodeBinpackGPUSpread: base = HAMiPolicy(node: .binpack, gpu: .spread)
        case .nodeSpreadGPUBinpack: base = HAMiPolicy(node: .spread, gpu: .binpack)
        }
    }

    public var name: String { base.name }
    public var gpuSelection: GPUSelection { base.gpuSelection }
    public func score(_ shape: PodShape, on node: NodeState) -> PolicyScore { base.score(shape, on: node) }
    public var drawsAmongTies: Bool { base.drawsAmongTies }
}
