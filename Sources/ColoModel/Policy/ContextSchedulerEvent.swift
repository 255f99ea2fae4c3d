import SimEngine

/// What a ``ContextScheduler`` is told about its domain.
public enum ContextSchedulerEvent: Hashable, Sendable {
    /// A container joined the device (before any of its work); `weight` is its configured share
    /// weight (kernel mode), `priority` its class.
    case attached(ContainerID, priority: PriorityClass, weight: Double)
    /// A container left the device; it has no more work.
    case detached(ContainerID)
    /// The container now has work ready (or running) in this domain.
    case busy(ContainerID)
    /// The container has no work left in this domain.
    case idle(ContainerID)
    /// A timer set with ``ContextSchedulerAction/setTimer(at:token:)`` fired.
    case timer(token: UInt64)
}
