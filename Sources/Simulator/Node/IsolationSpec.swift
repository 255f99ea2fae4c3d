import ColoModel
import GPUDevice
import Isolation

/// The isolation engine a GPU runs under, with its parameters: the one description a single-GPU
/// scenario and every GPU of a cluster run use (DESIGN §2 "one pipeline").
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

    /// The engine's name in scenarios and results: `none`, `user-mode`, `user-mode-time-sliced`, `kernel-mode`.
    public var engineName: String {
        switch self {
        case .none: return "none"
        case .userMode: return "user-mode"
        case .userModeTimeSliced: return "user-mode-time-sliced"
        case .kernelMode: return "kernel-mode"
        }
    }

    /// Installs the engine on `config`: the kernel-mode engine as the scheduler of all three slice
    /// domains (one weight for compute, render and codec), or the user-mode engine as the launch gate
    /// (render and codec left to the device's native sharing). `config.containers` must be set first
    /// (`fixed` divides the GPU by their weights unless a total weight is given).
    public func install(into config: inout SimulationConfig) {
        let profile = config.profile
        switch self {
        case .none:
            break
        case .userMode(var p):
            p.smCount = Int64(profile.sms)
            p.maxThreadsPerSM = Int64(profile.maxThreadsPerSM)
            let pids = Dictionary(config.containers.compactMap { c in c.hostPidOf.map { (c.id, $0) } },
                                  uniquingKeysWith: { a, _ in a })
            config.launchGate = HAMiLaunchGate(parameters: p, deviceMemoryBytes: profile.memoryBytes, hostPidOf: pids)
        case .userModeTimeSliced(let p):
            config.launchGate = TimeSlicedLaunchGate(parameters: p)
        case .kernelMode(let policy, let p, let total):
            let capacity = policy == .fixed ? (total ?? config.containers.reduce(0.0) { $0 + $1.weight }) : nil
            config.graphicsScheduler = KernelModeScheduler(policy: policy, parameters: p, capacityWeight: capacity)
            config.nvencScheduler = KernelModeScheduler(policy: policy, parameters: p, capacityWeight: capacity)
            config.nvdecScheduler = KernelModeScheduler(policy: policy, parameters: p, capacityWeight: capacity)
        }
    }

    /// A stable text of the engine and every parameter, for response-cache keys.
    public var keyText: String { String(describing: self) }
}
