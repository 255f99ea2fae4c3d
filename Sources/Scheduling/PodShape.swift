import ColoModel

/// The resource shape of a pod: everything filtering and scoring look at.
///
/// Two pods of one shape get the same filter verdict and score on a node in the same state, which
/// lets the scheduler cache per (node, shape) and recompute only nodes that changed.
public struct PodShape: Sendable, Hashable {
    /// CPU request in milli-cores.
    public var cpuMilli: Int
    /// Memory request in MiB.
    public var memoryMiB: Int
    /// GPUs requested (0 for CPU pods).
    public var gpuCount: Int
    /// Milli-GPU per requested GPU (0 for CPU pods).
    public var gpuMilli: Int
    /// Allowed GPU models as a bit mask over ``ClusterState/gpuModels``.
    public var modelMask: UInt64

    /// The shape of `pod` in `cluster`.
    public init(_ pod: PodRequest, in cluster: ClusterState) {
        cpuMilli = pod.cpuMilli
        memoryMiB = pod.memoryMiB
        if pod.needsGPU {
            gpuCount = pod.gpuCount
            gpuMilli = min(pod.gpuMilli, GPUShare.milliPerGPU)
            modelMask = cluster.modelMask(for: pod.allowedGPUModels)
        } else {
            gpuCount = 0
            gpuMilli = 0
            modelMask = ~0
        }
    }

    /// Creates a shape directly.
    public init(cpuMilli: Int, memoryMiB: Int, gpuCount: Int, gpuMilli: Int, modelMask: UInt64 = ~0) {
        self.cpuMilli = cpuMilli
        self.memoryMiB = memoryMiB
        self.gpuCount = gpuMilli > 0 ? gpuCount : 0
        self.gpuMilli = gpuCount > 0 ? gpuMilli : 0
        self.modelMask = modelMask
    }

    /// CPU as the artifact's scorers see it: Kubernetes `GetNonzeroRequests` counts a pod without a
    /// CPU request as 100 milli-cores (`DefaultMilliCPURequest`).
    public var scoringCPUMilli: Int { cpuMilli == 0 ? 100 : cpuMilli }
    /// Whether the pod needs a GPU.
    public var needsGPU: Bool { gpuCount > 0 }
    /// Whether the pod shares one GPU (one GPU, less than 1000 milli).
    public var isSharing: Bool { gpuCount == 1 && gpuMilli < GPUShare.milliPerGPU }
    /// Total milli-GPU requested.
    public var totalGPUMilli: Int { gpuCount * gpuMilli }
    /// GpuClustering affinity tag: -1 no GPU, 0 sharing, `k` for `k` whole GPUs.
    public var affinityTag: Int { gpuCount == 0 ? -1 : (isSharing ? 0 : gpuCount) }
}
