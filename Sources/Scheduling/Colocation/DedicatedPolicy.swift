/// `dedicated` (baseline, DESIGN §6): every pod gets a whole GPU of its own; pods that find no empty
/// GPU wait. Nothing is shared, so each pod runs as fast as it wants.
public struct DedicatedPolicy: ColocationPolicy {
    private var binder: ColocationBinder
    /// The configuration.
    public var config: ColocationConfig { binder.config }
    /// Where pods are bound now.
    public var occupancy: ColocationOccupancy { binder.occupancy }
    /// Pods waiting for a GPU.
    public var queue: ColocationQueue { binder.queue }
    /// Which policy this is.
    public var kind: ColocationPolicyKind { .dedicated }

    /// Creates the policy over an empty cluster.
    public init(config: ColocationConfig) { binder = ColocationBinder(config: config) }

    /// Handles one event at `now` (seconds) and returns the actions to carry out.
    public mutating func handle(_ event: ColocationEvent, now: Double) -> [ColocationAction] {
        binder.handle(event, place: ColocationPlacementRules.wholeGPU, arbitrate: ColocationArbitration.exclusive)
    }

    /// Why this policy, in its current state, answers `event` with `actions`: the whole-GPU rule's
    /// choice for each bind or queueing, and the preemptions of its arbitration.
    public func explain(_ event: ColocationEvent, actions: [ColocationAction], now: Double) -> [ColocationExplanation] {
        binder.explain(event, actions: actions, rule: .wholeGPU, now: now)
    }
}
