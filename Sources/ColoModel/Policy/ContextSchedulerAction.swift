import SimEngine

/// What a ``ContextScheduler`` asks the device / simulator to do.
public enum ContextSchedulerAction: Hashable, Sendable {
    /// Give the domain exclusively to `container` (or to nobody when nil). Work of other containers
    /// in the domain stops making progress (kernels keep their remaining work and resume later).
    /// When the grant moves to a different container the domain does nothing for `switchCost`
    /// (nil: the device profile's context-switch cost); re-granting the holder costs nothing.
    case grant(ContainerID?, switchCost: SimDuration? = nil)
    /// Let every container with work use the domain at once, with no switching: the native
    /// behaviour of codec engines (FCFS frames) and of one shared context (MPS-like).
    case shareAll
    /// Deliver ``ContextSchedulerEvent/timer(token:)`` at time `at` (not before now).
    case setTimer(at: Instant, token: UInt64)
    /// The timer `token` is no longer wanted (the scheduler must still ignore it if it arrives).
    case cancelTimer(token: UInt64)
}
