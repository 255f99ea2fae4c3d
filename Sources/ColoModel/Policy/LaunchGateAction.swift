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
}
