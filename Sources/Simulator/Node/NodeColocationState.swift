import ColoModel

/// One GPU's co-location state: its device, isolation engine and the pods on it with their load.
/// The node model's input, and (quantised) the key of the response cache (DESIGN §11).
public struct NodeColocationState: Sendable, Hashable {
    /// The device.
    public var profile: DeviceProfile
    /// The isolation engine and its parameters.
    public var isolation: IsolationSpec
    /// The resident pods.
    public var pods: [NodePod]

    /// Creates a state.
    public init(profile: DeviceProfile, isolation: IsolationSpec, pods: [NodePod]) {
        self.profile = profile
        self.isolation = isolation
        self.pods = pods
    }

    /// The pods' order in the canonical form: sorted by their key text (ties keep their order), so a
    /// state does not depend on the order its pods were bound in. O(n log n).
    public var canonicalOrder: [Int] {
        let keys = pods.map(\.keyText)
        return pods.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
    }

    /// The canonical key text (device, engine, pods in canonical order).
    public var keyText: String {
        let order = canonicalOrder
        return "\(profile)#\(isolation.keyText)#" + order.map { pods[$0].keyText }.joined(separator: "#")
    }
}
