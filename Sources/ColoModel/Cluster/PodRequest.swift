/// What a pod asks of the cluster: CPU, memory, GPUs (whole or a share of one), constraints and class.
///
/// GPU request semantics follow the openb traces and Alibaba open-gpu-share: `gpuCount` devices of
/// `gpuMilli` milli-GPU each; a GPU-sharing pod has `gpuCount == 1` and `gpuMilli < 1000`; a pod with
/// `gpuCount == 0` (or `gpuMilli == 0`) needs no GPU.
public struct PodRequest: Sendable, Hashable, Codable {
    /// Pod name.
    public var name: String
    /// CPU request in milli-cores.
    public var cpuMilli: Int
    /// Memory request in MiB.
    public var memoryMiB: Int
    /// Number of GPUs requested.
    public var gpuCount: Int
    /// Share of each requested GPU in milli-GPU (1...1000; 0 for CPU pods).
    public var gpuMilli: Int
    /// GPU models the pod may run on; empty means any model.
    public var allowedGPUModels: [String]
    /// LS or BE.
    public var priorityClass: PriorityClass
    /// Numeric priority inside the cluster (higher runs first and may preempt lower).
    public var priority: Int
    /// Name of the scheduler that must place this pod.
    public var schedulerName: String
    /// Isolation engine the pod runs under (e.g. `user-mode`, `kernel-mode`), if any.
    public var engine: String?

    /// The default scheduler name.
    public static let defaultScheduler = "default-scheduler"

    /// Creates a pod request.
    public init(name: String, cpuMilli: Int, memoryMiB: Int, gpuCount: Int = 0, gpuMilli: Int = 0,
                allowedGPUModels: [String] = [], priorityClass: PriorityClass = .bestEffort,
                priority: Int = 0, schedulerName: String = PodRequest.defaultScheduler,
                engine: String? = nil) {
        self.name = name
        self.cpuMilli = cpuMilli
        self.memoryMiB = memoryMiB
        self.gpuCount = gpuCount
        self.gpuMilli = gpuMilli
        self.allowedGPUModels = allowedGPUModels
        self.priorityClass = priorityClass
        self.priority = priority
        self.schedulerName = schedulerName
        self.engine = engine
    }

    /// Whether the pod needs any GPU.
    public var needsGPU: Bool { gpuCount > 0 && gpuMilli > 0 }
    /// Whether the pod shares one GPU with others (one GPU, less than 1000 milli).
    public var isGPUSharing: Bool { gpuCount == 1 && gpuMilli > 0 && gpuMilli < GPUShare.milliPerGPU }
    /// Total GPU request in milli-GPU (`gpuCount × gpuMilli`).
    public var totalGPUMilli: Int { needsGPU ? gpuCount * gpuMilli : 0 }
}
