/// A co-location policy: a value-type state machine (event + now → actions) with no clock, no
/// randomness and no I/O (DESIGN §2, §6). The simulator feeds it pod submissions, departures,
/// per-GPU demands each step and (tidal) service loads, and carries out the actions.
public protocol ColocationPolicy: Sendable {
    /// Which policy this is.
    var kind: ColocationPolicyKind { get }
    /// Where pods are bound now.
    var occupancy: ColocationOccupancy { get }
    /// Handles one event at time `now` (seconds) and returns what to do.
    mutating func handle(_ event: ColocationEvent, now: Double) -> [ColocationAction]
    /// Why this policy, in its current state, answers `event` at `now` with `actions` (what
    /// ``handle(_:now:)`` returned from this state): call it on a copy taken before `handle`. Pure;
    /// only explained runs call it. The default names the policy as the reason of each action and
    /// explains the preemptions its arbitration reports.
    func explain(_ event: ColocationEvent, actions: [ColocationAction], now: Double) -> [ColocationExplanation]
}

extension ColocationPolicy {
    /// The default explanation: each action with the policy as its reason, plus reported preemptions.
    public func explain(_ event: ColocationEvent, actions: [ColocationAction], now: Double) -> [ColocationExplanation] {
        ColocationExplainer.generic(event, actions: actions, policy: kind, now: now)
    }
}
