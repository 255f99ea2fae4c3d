import SimEngine

/// What a ``LaunchGate`` asks the simulator to do.
public enum LaunchGateAction: Hashable, Sendable {
    /// Let the launch reach the device now.
    case admit(launch: UInt64)
    /// Hold the launch; re-send its ``LaunchGateEvent/launchRequested(_:)`` at `at` (attempt + 1).
    case retry(launch: UInt64, at: Instant)
    /// Deliver ``LaunchGateEvent/timer(token:smUtilization:)`` at `at`, with every container's SM
    /// utilization measured over `[at − utilizationWindow, at]` (nil: no measurement).
    case setTimer(at: Instant, token: UInt64, utilizationWindow: SimDuration? = nil)
    /// A value of the gate's state for `container` now (e.g. the user-mode engine's token pool after a
    /// watcher pass), for timelines; it changes nothing.
    case counter(container: ContainerID, name: String, value: Double)
}
