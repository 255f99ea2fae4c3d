/// Where an imported pod runs now: its node and the GPUs on it (local indices 0…gpus-1).
public struct K8sBinding: Sendable, Hashable {
    /// How the GPU indices were found.
    public enum Source: String, Sendable, Hashable {
        /// HAMi's `hami.io/vgpu-devices-allocated` UUIDs, matched to the node's registered devices.
        case hamiAnnotation = "hami-annotation"
        /// The API does not say which GPU a device-plugin pod got: first fit on its node, in pod order.
        case firstFit = "first-fit"
    }

    /// `namespace/name`.
    public var pod: String
    /// `spec.nodeName`.
    public var node: String
    /// GPU indices on the node, one per GPU the pod holds.
    public var gpus: [Int]
    /// How `gpus` was found.
    public var source: Source

    /// Creates a binding.
    public init(pod: String, node: String, gpus: [Int], source: Source) {
        self.pod = pod
        self.node = node
        self.gpus = gpus
        self.source = source
    }
}
