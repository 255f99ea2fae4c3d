import ColoModel

/// A pod as the co-location policies see it: class, compute quota and time-slice weight.
public struct ColocationPod: Sendable, Hashable {
    /// Caller's identifier of the pod (unique in one run).
    public var id: Int
    /// LS (online) or BE (offline).
    public var priorityClass: PriorityClass
    /// Compute quota in milli-GPU (1000 = a whole GPU) used by `shared` packing and user-mode limits.
    public var gpuMilli: Int
    /// Device memory it needs, MiB (packing never over-commits memory).
    public var memoryMiB: Int
    /// Time-slice weight (kernel mode), > 0.
    public var weight: Double

    /// Creates a pod description.
    public init(id: Int, priorityClass: PriorityClass, gpuMilli: Int, memoryMiB: Int = 0, weight: Double = 1) {
        self.id = id
        self.priorityClass = priorityClass
        self.gpuMilli = gpuMilli
        self.memoryMiB = memoryMiB
        self.weight = weight
    }
}
