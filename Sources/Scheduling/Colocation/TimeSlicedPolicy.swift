/// `time-sliced` (DESIGN §6): LS and BE pods placed as under ``PreemptivePolicy`` alternate by
/// weighted time slices (kernel mode, work-conserving): each gets at least its weight's share of a
/// slice period when all are busy, and an LS request may wait out a BE slice.
public struct TimeSlicedPolicy: ColocationPolicy {
    private var binder: ColocationBinder
    /// The configuration.
    public var config: ColocationConfig { binder.config }
    /// Where pods are bound now.
    public var occupancy: ColocationOccupancy { binder.occupancy }
    /// Pods waiting for room.
    public var queue: ColocationQueue { binder.queue }
    /// Which policy this is.
    public var kind: ColocationPolicyKind { .timeSliced }

    /// Creates the policy over an empty cluster.
    public init(config: ColocationConfig) { binder = ColocationBinder(config: config) }

    /// Handles one event at `now` (seconds) and returns the actions to carry out.
    public mutating func handle(_ event: ColocationEvent, now: Double) -> [ColocationAction] {
        binder.handle(event, place: ColocationPlacementRules.besideLS(config), arbitrate: ColocationArbitration.slices)
    }

    /// Why this policy, in its current state, answers `event` with `actions`: the LS-apart / BE-beside-LS rule's
    /// choice for each bind or queueing, and the preemptions of its arbitration.
    public func explain(_ event: ColocationEvent, actions: [ColocationAction], now: Double) -> [ColocationExplanation] {
        binder.explain(event, actions: actions, rule: .besideLS, now: now)
    }
}
