import ColoModel
import SimEngine

/// A launch gate that admits every launch at once: no user-mode engine.
public struct PassThroughGate: LaunchGate, Hashable {
    /// Creates the gate.
    public init() {}

    public mutating func handle(_ event: LaunchGateEvent, now: Instant) -> [LaunchGateAction] {
        if case .launchRequested(let r) = event { return [.admit(launch: r.launchID)] }
        return []
    }
}
