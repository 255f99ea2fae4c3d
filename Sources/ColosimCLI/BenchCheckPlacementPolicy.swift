import ColoModel
import Scheduling

/// A placement policy replayed by the `placement/openb-default` case of `colosim bench check`.
public struct BenchCheckPlacementPolicy: Sendable {
    /// The name its metrics carry (`<name>.alloc_pct_mean`, …).
    public var name: String
    /// Replays one seed's pods: (cluster, typical pods, pods, draws, node rank, max percent).
    public var replay: @Sendable (ClusterState, [TypicalPod], [PodRequest], [PlacementDraws], [Int], Int) -> ReplayResult

    /// A built-in policy, run through its specialised entry point.
    public static func builtIn(_ kind: PlacementPolicyKind) -> BenchCheckPlacementPolicy {
        BenchCheckPlacementPolicy(name: kind.rawValue) { cluster, typical, pods, draws, rank, percent in
            kind.replay(cluster: cluster, typicalPods: typical, pods: pods, draws: draws, nodeRank: rank,
                        maxPercent: percent)
        }
    }

    /// A policy of one's own: `make` builds it for the replayed cluster (and its typical pods, for
    /// fragmentation-aware policies). See docs/regression.md, "Your own policy".
    public static func custom<P: PlacementPolicy>(
        _ name: String, _ make: @escaping @Sendable (ClusterState, [TypicalPod]) -> P
    ) -> BenchCheckPlacementPolicy {
        BenchCheckPlacementPolicy(name: name) { cluster, typical, pods, draws, rank, percent in
            PlacementReplay.run(cluster: cluster, policy: make(cluster, typical), pods: pods, draws: draws,
                                nodeRank: rank, maxPercent: percent,
                                fragmentation: FragmentationModel(typicalPods: typical, cluster: cluster))
        }
    }

    /// Creates an entry from a replay function.
    public init(name: String,
                replay: @escaping @Sendable (ClusterState, [TypicalPod], [PodRequest], [PlacementDraws], [Int], Int) -> ReplayResult) {
        self.name = name
        self.replay = replay
    }

    /// Every built-in policy (``Scheduling/PlacementPolicyKind/allCases``): a case added to that enum
    /// joins the check by itself.
    public static var standard: [BenchCheckPlacementPolicy] { PlacementPolicyKind.allCases.map(builtIn) }
}
