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

    /// The key text of the device and engine (the same for every GPU of a run: compute it once).
    public var contextKey: String { "\(profile)#\(isolation.keyText)#" }

    /// The canonical form: the pods' order sorted by their key text (ties keep their order), so a
    /// state does not depend on the order its pods were bound in, and the key text (`context`, which is
    /// ``contextKey``, then the pods in that order). Each pod's key is built once. O(n log n).
    public func canonical(context: String) -> (order: [Int], key: String) {
        let keys = pods.map(\.keyText)
        let order = pods.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
        return (order, context + order.map { keys[$0] }.joined(separator: "#"))
    }
}
