/// `preemptive` (DESIGN §6): each LS pod keeps a GPU free of other LS pods; up to `maxBEPerGPU` BE
/// pods join it and use the time LS leaves. An LS wake-up preempts running BE work at once
/// (kernel-mode online-preempts-offline; a fast user-mode launch gate behaves alike); the BE
/// progress lost to each preemption is counted.
public struct PreemptivePolicy: ColocationPolicy {
    private var binder: ColocationBinder
    /// The configuration.
    public var config: ColocationConfig { binder.config }
    /// Where pods are bound now.
    public var occupancy: ColocationOccupancy { binder.occupancy }
    /// Pods waiting for room.
    public var queue: ColocationQueue { binder.queue }
    /// Which policy this is.
    public var kind: ColocationPolicyKind { .preemptive }

    /// Creates the policy over an empty cluster.
    public init(config: ColocationConfig) { binder = ColocationBinder(config: config) }

    /// Handles one event at `now` (seconds) and returns the actions to carry out.
    public mutating func handle(_ event: ColocationEvent, now: Double) -> [ColocationAction] {
        binder.handle(event, place: ColocationPlacementRules.besideLS(config), arbitrate: ColocationArbitration.priority)
    }

    /// Why this policy, in its current state, answers `event` with `actions`: the LS-apart / BE-beside-LS rule's
    /// choice for each bind or queueing, and the preemptions of its arbitration.
    public func explain(_ event: ColocationEvent, actions: [ColocationAction], now: Double) -> [ColocationExplanation] {
        binder.explain(event, actions: actions, rule: .besideLS, now: now)
    }
}
