/// Why a node passed or failed the filter phase for a pod (Kubernetes `Filter` plugins:
/// NodeResourcesFit for CPU and memory, open-gpu-share for GPU model and capacity).
public enum FilterVerdict: UInt8, Sendable, Hashable, CaseIterable {
    /// The node can host the pod.
    case fits = 0
    /// Not enough free CPU.
    case insufficientCPU
    /// Not enough free memory.
    case insufficientMemory
    /// The pod needs a GPU and the node has none.
    case noGPU
    /// The node's GPU model is not among the pod's allowed models.
    case gpuModelMismatch
    /// Not enough free GPU (no GPU with the share free, or too few idle GPUs).
    case insufficientGPU

    /// A short phrase for explanations.
    public var phrase: String {
        switch self {
        case .fits: "fits"
        case .insufficientCPU: "insufficient CPU"
        case .insufficientMemory: "insufficient memory"
        case .noGPU: "no GPU"
        case .gpuModelMismatch: "GPU model not allowed"
        case .insufficientGPU: "insufficient GPU"
        }
    }
}
