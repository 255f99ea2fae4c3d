import ColoModel
import SimEngine

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

    /// The device and engine part of every state key of a run, computed once: a digest of
    /// ``contextKey`` (the text itself is kilobytes, and not ASCII), and the FNV-1a state after it.
    public struct Context: Sendable {
        /// Two FNV-1a 64 digests of the context text, 32 hex digits.
        public let digest: String
        /// FNV-1a state after the context text's bytes (the prefix of every state's seed).
        let prefix: FNV1a64
        /// UTF-8 length of the context text.
        let length: Int

        /// The context of `state`'s device and engine.
        public init(_ state: NodeColocationState) {
            let text = state.contextKey
            var a = FNV1a64()
            a.combineBytes(text)
            prefix = a
            length = text.utf8.count
            var b = FNV1a64()
            b.combine(UInt64(0x9E37_79B9_7F4A_7C15))
            b.combine(text)
            var full = a
            full.combine(UInt64(length))
            digest = full.hex + b.hex
        }
    }

    /// The canonical form: the pods' order sorted by their key text (ties keep their order; host-pid
    /// groups numbered in that order), so a
    /// state does not depend on the order its pods were bound in; the cache key (the context's
    /// digest, then the pods' key texts in that order); and the state's seed, FNV-1a 64 of the full
    /// key text (``contextKey`` followed by the pods' texts). Each pod's key is built once. O(n log n).
    public func canonical(context: Context) -> (order: [Int], key: String, seed: UInt64) {
        canonical(context: context, keys: pods.map(\.keyText))
    }

    /// ``canonical(context:)`` with the pods' key texts given (`keys[i]` must be `pods[i].keyText`;
    /// a caller that meets the same pods again keeps their texts instead of formatting them anew).
    func canonical(context: Context, keys: [String]) -> (order: [Int], key: String, seed: UInt64) {
        let order = pods.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
        // Host-pid groups are numbered by first appearance in that order, so the key does not depend
        // on the numbers the cluster gave them.
        var groupNumber: [Int: Int] = [:]
        let podText = order.map { i -> String in
            guard let g = pods[i].hostPidGroup else { return keys[i] }
            let n = groupNumber[g] ?? groupNumber.count
            groupNumber[g] = n
            return keys[i] + "\(n)"
        }.joined(separator: "#")
        var h = context.prefix
        h.combineBytes(podText)
        h.combine(UInt64(context.length + podText.utf8.count))
        return (order, context.digest + "#" + podText, h.value)
    }
}
