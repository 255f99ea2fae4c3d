/// The facts behind a tidal scaling decision: the load, the replica rule and the cluster before it.
public struct TidalScaling: Sendable, Hashable {
    /// The autoscaled service (index into ``ColocationConfig/tidalServices``).
    public var service: Int
    /// The load the decision is for, requests/s (observed or forecast).
    public var load: Double
    /// The service's replica rule.
    public var rule: TidalService
    /// Replicas the rule asks for: `ceil(load / capacity × headroom)` clamped to [min, max].
    public var wanted: Int
    /// Replicas running before this action.
    public var running: Int
    /// Empty GPUs before this action.
    public var freeGPUs: Int
    /// GPUs lent to BE pods before this action.
    public var lentGPUs: Int
    /// Whether the replica's GPU was reclaimed from a BE pod (a start) or is being reclaimed (an eviction).
    public var reclaimed: Bool

    /// Creates the facts.
    public init(service: Int, load: Double, rule: TidalService, wanted: Int, running: Int, freeGPUs: Int,
                lentGPUs: Int, reclaimed: Bool = false) {
        self.service = service
        self.load = load
        self.rule = rule
        self.wanted = wanted
        self.running = running
        self.freeGPUs = freeGPUs
        self.lentGPUs = lentGPUs
        self.reclaimed = reclaimed
    }

    /// `ceil(load / capacity × headroom)` before clamping.
    public var unclamped: Double { (load / rule.capacityPerReplica * rule.headroom).rounded(.up) }
}
