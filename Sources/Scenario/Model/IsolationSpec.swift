import Isolation

/// The isolation engine a scenario runs under, with its parameters.
public enum IsolationSpec: Sendable, Hashable {
    /// No isolation engine: the device's native time-slicing, shared codec engines, no launch gate.
    case none
    /// The user-mode engine (HAMi-core style). The SM count and threads per SM of its parameters are
    /// taken from the device profile when the configuration is built.
    case userMode(UserModeParameters)
    /// The time-sliced user-mode engine (Gemini / KubeShare exclusive launch quotas).
    case userModeTimeSliced(TimeSlicedQuotaEngine.Parameters)
    /// The kernel-mode engine: one weighted slice scheduler per domain (SMs, NVENC, NVDEC); under
    /// `fixed`, `totalWeight` (nil: the sum of the containers' weights) is what the GPU is divided by.
    case kernelMode(KernelModePolicy, KernelModeParameters, totalWeight: Double?)

    /// The engine's name in scenarios and results: `none`, `user-mode`, `kernel-mode`.
    public var engineName: String {
        switch self {
        case .none: return "none"
        case .userMode: return "user-mode"
        case .userModeTimeSliced: return "user-mode-time-sliced"
        case .kernelMode: return "kernel-mode"
        }
    }
}
