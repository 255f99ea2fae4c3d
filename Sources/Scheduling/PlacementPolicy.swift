import ColoModel

/// A node-scoring placement policy: the Kubernetes `Score` extension point.
///
/// The scheduler filters nodes first and calls ``score(_:on:)`` only for nodes that fit. The score
/// must depend only on the pod's shape and the node's state (no clock, no randomness, no I/O), so the
/// scheduler may cache it until the node changes. Higher is better; ties are broken by the caller's
/// ``ColoModel/PlacementDraws``. A policy may also name the GPU a sharing pod should take.
public protocol PlacementPolicy: Sendable {
    /// The policy name as the CLI spells it.
    var name: String { get }
    /// GPU choice for sharing pods when ``score(_:on:)`` names none.
    var gpuSelection: GPUSelection { get }
    /// Scores placing a pod of `shape` on `node` (which passed the filter).
    func score(_ shape: PodShape, on node: NodeState) -> PolicyScore
    /// Whether ties among the best nodes are broken by the pod's draw even when the scheduler has a
    /// node ranking (a policy that wants a uniformly random node, such as ``RandomPolicy``).
    var drawsAmongTies: Bool { get }
    /// Whether every feasible node gets the same score (the choice is uniform among feasible nodes),
    /// which lets the scheduler skip scoring.
    var scoresAreUniform: Bool { get }
}

extension PlacementPolicy {
    /// By default the scheduler's tie-break rule applies.
    public var drawsAmongTies: Bool { false }
    /// By default scores differ between nodes.
    public var scoresAreUniform: Bool { false }
}

/// A policy's verdict for one node.
public struct PolicyScore: Sendable, Hashable {
    /// The score, higher is better.
    public var value: Int64
    /// The GPU index a sharing pod should use on this node, or -1 to let ``GPUSelection`` decide.
    public var preferredGPU: Int

    /// Creates a score.
    public init(_ value: Int64, preferredGPU: Int = -1) {
        self.value = value
        self.preferredGPU = preferredGPU
    }
}
