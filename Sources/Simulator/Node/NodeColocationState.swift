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

    /// The key text of the device and engine (the same for every GPU of a run: compute it once).
    public var contextKey: String { "\(profile)#\(isolation.keyText)#" }

    /// The canonical key text (device, engine, pods in canonical order); `context` is ``contextKey``.
    public func keyText(context: String) -> String {
        let keys = pods.map(\.keyText)
        let order = pods.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
        return context + order.map { keys[$0] }.joined(separator: "#")
    }

    /// The canonical key text (device, engine, pods in canonical order).
    public var keyText: String { keyText(context: contextKey) }
}
