/// A GPU pod as read from `kubectl get pods -A -o json` (core/v1 `Pod`).
public struct K8sPod: Sendable, Hashable {
    /// One GPU the pod holds: a whole one, or a HAMi share.
    public struct GPURequest: Sendable, Hashable {
        /// Compute share, milli-GPU (1000: a whole GPU; HAMi `nvidia.com/gpucores` × 10).
        public var milli: Int
        /// Device memory, MiB (nil: none requested).
        public var memoryMiB: Int?
        /// Device memory as a percentage of the GPU (`nvidia.com/gpumem-percentage`), if given.
        public var memoryPercent: Int?
    }

    /// `metadata.namespace`.
    public var namespace: String
    /// `metadata.name`.
    public var name: String
    /// `metadata.labels`.
    public var labels: [String: String]
    /// `spec.schedulerName` (`default-scheduler` when absent, as the API defaults it).
    public var scheduler: String
    /// `spec.priorityClassName`.
    public var priorityClass: String?
    /// `spec.priority`.
    public var priority: Int?
    /// `spec.nodeName` (nil: not bound, pending).
    public var node: String?
    /// `status.phase`.
    public var phase: String?
    /// The GPUs it asks for, one entry per GPU (empty: not a GPU pod).
    public var gpus: [GPURequest]
    /// Any HAMi fractional resource (`nvidia.com/gpumem`, `-percentage`, `gpucores`) was requested.
    public var fractional: Bool
    /// HAMi's assigned device UUIDs (`hami.io/vgpu-devices-allocated`), one per GPU, if annotated.
    public var hamiDevices: [HAMiDevice]

    /// `namespace/name`.
    public var id: String { "\(namespace)/\(name)" }
    /// Bound to a node.
    public var isPending: Bool { node == nil }
}
