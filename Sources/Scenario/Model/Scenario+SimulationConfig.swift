import ColoModel
import Isolation
import SimEngine
import Simulator

extension Scenario {
    /// The simulator configuration of this scenario, with the isolation engine installed: the kernel-mode
    /// engine as the scheduler of all three slice domains (one weight for compute, render and codec), or
    /// the user-mode engine as the launch gate (render and codec left to the device's native sharing).
    public func simulationConfig(seed overrideSeed: UInt64? = nil) -> SimulationConfig {
        var config = SimulationConfig(profile: profile, containers: containers, duration: duration,
                                      seed: overrideSeed ?? seed)
        config.drainLimit = drain
        config.shareWindow = shareWindow
        switch isolation {
        case .none:
            break
        case .userMode(var p):
            p.smCount = Int64(profile.sms)
            p.maxThreadsPerSM = Int64(profile.maxThreadsPerSM)
            config.launchGate = HAMiLaunchGate(parameters: p, deviceMemoryBytes: profile.memoryBytes)
        case .userModeTimeSliced(let p):
            config.launchGate = TimeSlicedLaunchGate(parameters: p)
        case .kernelMode(let policy, let p, let total):
            let capacity = policy == .fixed ? (total ?? containers.reduce(0.0) { $0 + $1.weight }) : nil
            config.graphicsScheduler = KernelModeScheduler(policy: policy, parameters: p, capacityWeight: capacity)
            config.nvencScheduler = KernelModeScheduler(policy: policy, parameters: p, capacityWeight: capacity)
            config.nvdecScheduler = KernelModeScheduler(policy: policy, parameters: p, capacityWeight: capacity)
        }
        return config
    }
}
