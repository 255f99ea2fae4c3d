import ColoModel

// Merge resolution (place + cluster both added a type-erased policy): the struct lives in
// AnyPlacementPolicy.swift (place); the multi-scheduler's initializer by kind is kept here.
extension AnyPlacementPolicy {
    /// The policy named `kind`; FGD measures fragmentation against `typicalPods` on `cluster`.
    public init(kind: PlacementPolicyKind, typicalPods: [TypicalPod], cluster: ClusterState) {
        self = kind.policy(cluster: cluster, typicalPods: typicalPods)
    }
}
