/// The share of a GPU a container was configured with and the share it achieved, for one engine.
///
/// Shares are fractions of one GPU in [0, 1] (a weight of 20% is 0.2). `engine` names the GPU engine
/// the share applies to: `compute`, `render`, `codec` (DESIGN §5: kernel mode isolates all three
/// with one weight; user mode isolates compute only).
public struct ContainerShare: Codable, Sendable, Hashable {
    /// Container (pod/instance) name, unique within the run together with `engine`.
    public var container: String
    /// GPU engine: `compute`, `render` or `codec`.
    public var engine: String
    /// Configured share (weight or limit), fraction of a GPU.
    public var configured: Double
    /// Achieved share over the measured window, fraction of a GPU.
    public var achieved: Double

    /// Creates a configured/achieved share pair.
    public init(container: String, engine: String, configured: Double, achieved: Double) {
        self.container = container
        self.engine = engine
        self.configured = configured
        self.achieved = achieved
    }
}
