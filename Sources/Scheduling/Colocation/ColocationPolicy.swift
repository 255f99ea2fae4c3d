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
}
