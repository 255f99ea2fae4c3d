import ColoModel

/// The placement policies by CLI name, and a non-generic entry point that runs each one specialised.
public enum PlacementPolicyKind: String, Sendable, Hashable, CaseIterable {
    /// ``RandomPolicy``.
    case random
    /// ``DotProductPolicy``.
    case dotProduct = "dot-product"
    /// ``GPUClusteringPolicy``.
    case gpuClustering = "gpu-clustering"
    /// ``GPUPackingPolicy``.
    case gpuPacking = "gpu-packing"
    /// ``BestFitPolicy``.
    case bestFit = "best-fit"
    /// ``FGDPolicy``.
    case fgd
    /// ``HAMiPolicy`` binpack at node and GPU level.
    case binpack
    /// ``HAMiPolicy`` spread at node and GPU level.
    case spread
    /// ``HAMiPolicy`` binpack nodes, spread GPUs.
    case nodeBinpackGPUSpread = "node-binpack-gpu-spread"
    /// ``HAMiPolicy`` spread nodes, binpack GPUs.
    case nodeSpreadGPUBinpack = "node-spread-gpu-binpack"

    /// The six policies of the FGD artifact's experiment, in its order.
    public static let fgdArtifactPolicies: [PlacementPolicyKind] = [
        .random, .dotProduct, .gpuClustering, .gpuPacking, .bestFit, .fgd,
    ]

    /// The artifact's name for the policy (`01-Random` …), if it is one of the six.
    public var artifactName: String? {
        switch self {
        case .random: "01-Random"
        case .dotProduct: "02-DotProd"
        case .gpuClustering: "03-GpuClustering"
        case .gpuPacking: "04-GpuPacking"
        case .bestFit: "05-BestFit"
        case .fgd: "06-FGD"
        default: nil
        }
    }

    /// Replays `pods` with this policy; `typicalPods` feed FGD and the fragmentation measure;
    /// `preempt` lets LS pods preempt BE pods (``PlacementReplay``).
    public func replay(cluster: ClusterState, typicalPods: [TypicalPod], pods: [PodRequest],
                       draws: [PlacementDraws], nodeRank: [Int]? = nil, maxPercent: Int = 130,
                       preempt: Bool = false, observe: ((Int, PlacementDecision) -> Void)? = nil) -> ReplayResult {
        let frag = FragmentationModel(typicalPods: typicalPods, cluster: cluster)
        func go<P: PlacementPolicy>(_ p: P) -> ReplayResult {
            PlacementReplay.run(cluster: cluster, policy: p, pods: pods, draws: draws,
                                nodeRank: nodeRank, maxPercent: maxPercent, fragmentation: frag,
                                preempt: preempt, observe: observe)
        }
        switch self {
        case .random: return go(RandomPolicy())
        case .dotProduct: return go(DotProductPolicy())
        case .gpuClustering: return go(GPUClusteringPolicy())
        case .gpuPacking: return go(GPUPackingPolicy())
        case .bestFit: return go(BestFitPolicy())
        case .fgd: return go(FGDPolicy(model: frag))
        case .binpack: return go(HAMiPolicy(node: .binpack, gpu: .binpack))
        case .spread: return go(HAMiPolicy(node: .spread, gpu: .spread))
        case .nodeBinpackGPUSpread: return go(HAMiPolicy(node: .binpack, gpu: .spread))
        case .nodeSpreadGPUBinpack: return go(HAMiPolicy(node: .spread, gpu: .binpack))
        }
    }
}
