/// An autoscaled online service under the `tidal` policy [Aryl, Lyra].
public struct TidalService: Sendable, Hashable {
    /// Requests/s one replica serves within its SLA.
    public var capacityPerReplica: Double
    /// Over-provisioning factor (≥ 1): replicas = ceil(load / capacity × headroom).
    public var headroom: Double
    /// Fewest replicas kept (≥ 1).
    public var minReplicas: Int
    /// Most replicas.
    public var maxReplicas: Int

    /// Creates a service description.
    public init(capacityPerReplica: Double, headroom: Double = 1.2, minReplicas: Int = 1, maxReplicas: Int = .max) {
        self.capacityPerReplica = capacityPerReplica
        self.headroom = headroom
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
    }

    /// Replicas for `load` requests/s: `ceil(load / capacity × headroom)`, clamped to [min, max].
    public func replicas(for load: Double) -> Int {
        let raw = (load / capacityPerReplica * headroom).rounded(.up)
        let n = raw.isFinite ? Int(min(raw, 1e9)) : maxReplicas
        return min(maxReplicas, max(minReplicas, n))
    }
}
