/// `shared` (DESIGN §6): fractional pods (compute milli-GPU, memory) packed best-fit per GPU; the
/// user-mode engine holds each pod to its compute quota while the GPU is shared, and kernels of
/// different pods co-run (spatial sharing with the cache-interference term).
public struct SharedPolicy: ColocationPolicy {
    private var binder: ColocationBinder
    /// The configuration.
    public var config: ColocationConfig { binder.config }
    /// Where pods are bound now.
    public var occupancy: ColocationOccupancy { binder.occupancy }
    /// Pods waiting for room.
    public var queue: ColocationQueue { binder.queue }
    /// Which policy this is.
    public var kind: ColocationPolicyKind { .shared }

    /// Creates the policy over an empty cluster.
    public init(config: ColocationConfig) { binder = ColocationBinder(config: config) }

    /// Handles one event at `now` (seconds) and returns the actions to carry out.
    public mutating func handle(_ event: ColocationEvent, now: Double) -> [ColocationAction] {
        binder.handle(event, place: ColocationPlacementRules.bestFit(config), arbitrate: ColocationArbitration.spatial)
    }

    /// Why this policy, in its current state, answers `event` with `actions`: the best-fit rule's
    /// choice for each bind or queueing, and the preemptions of its arbitration.
    public func explain(_ event: ColocationEvent, actions: [ColocationAction], now: Double) -> [ColocationExplanation] {
        binder.explain(event, actions: actions, rule: .bestFit, now: now)
    }
}
