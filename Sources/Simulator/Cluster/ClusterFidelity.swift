/// How a cluster run evaluates its GPUs (DESIGN §11). Both levels use the same node model.
public enum ClusterFidelity: String, Sendable, Hashable, CaseIterable, Codable {
    /// Every request, kernel, slice and launch of every GPU over every step is simulated by the node
    /// model (each step a fresh node simulation of the step's length, seeded by GPU and step; under
    /// the user mode, after a warm-up: ``NodeModel/userModeWarmUp``).
    case event
    /// Each distinct, quantised GPU co-location state is simulated once over a window, memoised (in
    /// memory and, when given, in the result store) and read for every step in that state.
    case response

    /// The level names as scenarios and the CLI spell them.
    public static var names: [String] { allCases.map(\.rawValue) }
}
