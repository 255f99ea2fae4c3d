/// How the kernel-mode engine shares a time-slice domain among containers (DESIGN §5; cGPU/qGPU policies).
public enum KernelModePolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Each container owns w/ΣW of every period, ΣW over all configured containers; an idle owner's
    /// slices stay unused (cGPU policy 3, fixed percentage).
    case fixed
    /// Slices divided by weight among containers currently attached (w/Σ attached); an attached but idle
    /// owner's slices stay unused (cGPU policy 2, weight-preemptive).
    case weightPreemptive = "weight-preemptive"
    /// Work-conserving: slices divided by weight among busy containers (w/Σ busy); a container that
    /// becomes busy gets its share back at the next slice boundary (cGPU policy 4, soft / burst).
    case burst
    /// Online containers preempt offline ones at once (switch + preemption latency); offline containers
    /// use what online ones leave; within a class, as `burst`.
    case onlinePreemptsOffline = "online-preempts-offline"
}
