import ColoModel

/// A typical task class of a workload with its popularity, the unit of FGD's fragmentation measure.
///
/// Weng et al., "Beware of Fragmentation: Scheduling GPU-Sharing Workloads with Fragmentation
/// Gradient Descent", USENIX ATC'23, §4: the target workload is summarised by its most popular
/// pod resource specs (CPU, GPU share, GPU count, GPU model constraint).
public struct TypicalPod: Sendable, Hashable {
    /// CPU request in milli-cores (Kubernetes non-zero request: 100 when absent).
    public var cpuMilli: Int
    /// Milli-GPU per GPU (0 for CPU pods).
    public var gpuMilli: Int
    /// GPUs requested.
    public var gpuCount: Int
    /// Allowed GPU models joined by `|` as in the trace (empty: any).
    public var gpuModels: String
    /// Share of the workload's pods of this class, renormalised over the typical classes (sums to 1).
    public var popularity: Double

    /// Creates a typical pod.
    public init(cpuMilli: Int, gpuMilli: Int, gpuCount: Int, gpuModels: String, popularity: Double) {
        self.cpuMilli = cpuMilli
        self.gpuMilli = gpuMilli
        self.gpuCount = gpuCount
        self.gpuModels = gpuModels
        self.popularity = popularity
    }
}
