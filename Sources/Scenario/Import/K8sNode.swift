/// A GPU node as read from `kubectl get nodes -o json` (core/v1 `Node`).
public struct K8sNode: Sendable, Hashable {
    /// `metadata.name`.
    public var name: String
    /// Physical GPUs (GPU feature discovery's `nvidia.com/gpu.count`, HAMi's registered devices, or
    /// the allocatable `nvidia.com/gpu`, divided by the split count on a HAMi node).
    public var gpus: Int
    /// `nvidia.com/gpu.product`, if labelled (or HAMi's device type).
    public var product: String?
    /// Device memory per GPU, MiB (`nvidia.com/gpu.memory` or HAMi's `devmem`), if known.
    public var gpuMemoryMiB: Int?
    /// HAMi's device UUIDs in index order (from `hami.io/node-nvidia-register`); empty elsewhere.
    public var deviceUUIDs: [String]
    /// Whether HAMi manages the node's GPUs.
    public var isHAMi: Bool

    /// Creates a node.
    public init(name: String, gpus: Int, product: String? = nil, gpuMemoryMiB: Int? = nil,
                deviceUUIDs: [String] = [], isHAMi: Bool = false) {
        self.name = name
        self.gpus = gpus
        self.product = product
        self.gpuMemoryMiB = gpuMemoryMiB
        self.deviceUUIDs = deviceUUIDs
        self.isHAMi = isHAMi
    }
}
