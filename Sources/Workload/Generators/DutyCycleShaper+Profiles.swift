/// Many instances' profiles at once (added for cluster scenarios, which shape every replica).
extension DutyCycleShaper {
    /// The profiles of `instances`, each exactly ``profile(instance:targetMean:seed:rotate:)``'s,
    /// but with the eligible pods resampled to their grids once instead of once per instance
    /// (a cluster scenario shapes tens of replicas from the 143-pod GenAI trace).
    public func profiles(instances: Range<Int>, targetMean: Double, seed: UInt64,
                         rotate: Bool = true) throws -> [TimeSeries] {
        let grids = try self.grids(forMean: targetMean)
        return try instances.map {
            try shape(instance: $0, grids: grids, targetMean: targetMean, seed: seed, rotate: rotate)
        }
    }
}
