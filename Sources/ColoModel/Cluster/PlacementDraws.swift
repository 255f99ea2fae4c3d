/// Pre-drawn uniform random numbers for one scheduling decision.
///
/// The scheduler core draws no random numbers (DESIGN §2). Where Kubernetes breaks ties at random
/// (`selectHost` picks uniformly among the nodes of highest score) or a policy chooses at random
/// (the artifact's `random` node and GPU choice), the caller passes these numbers in, drawn from a
/// seeded stream in `Workload`, so the same inputs give the same placement.
public struct PlacementDraws: Sendable, Hashable, Codable {
    /// Uniform in [0, 1): picks one node among those tied for the best score.
    public var node: Double
    /// Uniform in [0, 1): picks a GPU where the GPU choice is random.
    public var gpu: Double

    /// Creates the draws for one decision.
    public init(node: Double, gpu: Double) {
        self.node = node
        self.gpu = gpu
    }

    /// Draws that always pick the first candidate (deterministic tests, no randomness wanted).
    public static let first = PlacementDraws(node: 0, gpu: 0)
}
