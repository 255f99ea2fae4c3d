import ColoModel
import SimEngine

/// The time-sliced user-mode engine (Gemini / KubeShare) as a ``LaunchGate``: containers' requested
/// shares are their `limitPercent` (unlimited → 100%); launches of containers not holding the token
/// retry at the end of the holder's quota.
public struct TimeSlicedLaunchGate: LaunchGate {
    /// The wrapped engine.
    public private(set) var engine: TimeSlicedQuotaEngine
    /// Slot of each container.
    public private(set) var slots: [ContainerID: Int] = [:]

    /// Creates the gate.
    public init(parameters: TimeSlicedQuotaEngine.Parameters = .init()) {
        engine = TimeSlicedQuotaEngine(parameters: parameters)
    }

    /// Handles `event` at `now` (invariants asserted afterwards in debug builds) and returns the actions.
    public mutating func handle(_ event: LaunchGateEvent, now: Instant) -> [LaunchGateAction] {
        let actions = step(event, now: now)
        #if DEBUG
        let v = engine.invariantViolations(now: now.nanoseconds)
        assert(v.isEmpty, "time-sliced engine invariants violated after \(event): \(v)")
        #endif
        return actions
    }

    private mutating func step(_ event: LaunchGateEvent, now: Instant) -> [LaunchGateAction] {
        switch event {
        case .attached(let id, _, let limit):
            if slots[id] == nil { slots[id] = engine.register(share: (limit ?? 100) / 100) }
            return []
        case .launchRequested(let r):
            let s: Int
            if let known = slots[r.container] { s = known } else { s = engine.register(share: 1); slots[r.container] = s }
            switch engine.requestLaunch(container: s, now: now.nanoseconds) {
            case .admit: return [.admit(launch: r.launchID)]
            case .retry(let at): return [.retry(launch: r.launchID, at: Instant(nanoseconds: at))]
            }
        case .detached, .launchCompleted, .timer:
            return []
        }
    }
}
