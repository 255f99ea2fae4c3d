/// A cluster node as declared: CPU, memory and a number of GPUs of one model.
///
/// Capacities use the Kubernetes units of the Alibaba openb traces (cluster-trace-gpu-v2023):
/// CPU in milli-cores, memory in MiB, GPUs as whole devices of 1000 milli-GPU each.
public struct NodeSpec: Sendable, Hashable, Codable {
    /// Node name (unique in a cluster).
    public var name: String
    /// CPU capacity in milli-cores (96000 = 96 vCPU).
    public var cpuMilli: Int
    /// Memory capacity in MiB.
    public var memoryMiB: Int
    /// Number of GPUs on the node (0 for a CPU-only node).
    public var gpuCount: Int
    /// GPU model of all GPUs on the node (e.g. `V100M16`); `nil` for a CPU-only node.
    public var gpuModel: String?

    /// Creates a node specification.
    public init(name: String, cpuMilli: Int, memoryMiB: Int, gpuCount: Int, gpuModel: String?) {
        self.name = name
        self.cpuMilli = cpuMilli
        self.memoryMiB = memoryMiB
        self.gpuCount = gpuCount
        self.gpuModel = gpuModel
    }

    /// GPU capacity in milli-GPU (1000 per GPU).
    public var gpuMilliCapacity: Int { gpuCount * GPUShare.milliPerGPU }
}
