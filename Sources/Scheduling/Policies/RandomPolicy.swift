import ColoModel

/// Random placement: a uniformly random feasible node and, for sharing pods, a random GPU.
///
/// The FGD artifact's `RandomScore` plugin (hkust-adsl/kubernetes-scheduler-simulator,
/// `pkg/simulator/plugin/random_score.go`) gives one random feasible node the top score, with
/// `gpuSelMethod: random`. Here every feasible node scores the same and the caller's tie-break draw
/// picks one, which is the same uniform choice.
public struct RandomPolicy: PlacementPolicy {
    /// Creates the policy.
    public init() {}
    /// `random`.
    public var name: String { "random" }
    /// Random GPU for sharing pods.
    public var gpuSelection: GPUSelection { .random }
    /// A uniformly random node among the feasible ones, whatever the node ranking.
    public var drawsAmongTies: Bool { true }
    /// Every feasible node scores the same.
    public var scoresAreUniform: Bool { true }
    /// Every feasible node scores 0.
    public func score(_ shape: PodShape, on node: NodeState) -> PolicyScore { PolicyScore(0) }
}
