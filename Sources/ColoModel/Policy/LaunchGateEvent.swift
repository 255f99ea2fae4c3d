import SimEngine

/// What a ``LaunchGate`` is told.
public enum LaunchGateEvent: Hashable, Sendable {
    /// A container joined the GPU (before its first launch), with its class and configured
    /// compute limit in percent of the GPU (nil: unlimited).
    case attached(ContainerID, priority: PriorityClass, limitPercent: Double?)
    /// A container left the GPU.
    case detached(ContainerID)
    /// A kernel launch was intercepted (first attempt or a retry).
    case launchRequested(LaunchRequest)
    /// An admitted launch finished on the device.
    case launchCompleted(container: ContainerID, launchID: UInt64)
    /// A timer set with ``LaunchGateAction/setTimer(at:token:utilizationWindow:)`` fired;
    /// `smUtilization` maps every attached container to its SM utilization in [0, 1] over the
    /// window the timer asked for (empty when it asked for none).
    case timer(token: UInt64, smUtilization: [ContainerID: Double])
}
