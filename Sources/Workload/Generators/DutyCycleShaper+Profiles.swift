/// Many instances' profiles at once (added for cluster scenarios, which shape every replica).
extension DutyCycleShaper {
    /// The profiles of `instances`, each exactly ``profile(instance:targetMean:seed:rotate:)``'s,
    /// but with the eligible pods resampled to their grids once instead of once per instance
    /// (a cluster scenario shapes tens of replicas from the 143-pod GenAI trace).
    public func profiles(instances: Range<Int>, targetMean: Double, seed: UInt64,
                         rotate: Bool = true) throws -> [TimeSeries] {
        guard targetMean > 0, targetMean < 1 else {
            throw TraceError(file: file, "target mean utilization must be in (0, 1), got \(targetMean)")
        }
        let grids = pods.compactMap { pod -> TimeSeries? in
            guard let series = pod.series, let step = pod.medianInterval, step > 0 else { return nil }
            let grid = series.resampled(step: step).shifted(toStart: 0)
            let nonZero = Double(grid.values.filter { $0 > 0 }.count) / Double(grid.count)
            return nonZero > targetMean ? grid : nil
        }
        guard !grids.isEmpty else {
            throw TraceError(file: file, "no pod can be shaped to mean utilization \(targetMean) (of \(pods.count) eligible pods)")
        }
        return try instances.map { instance in
            let rng = RandomSource(seed: seed, purpose: "duty-cycle-shaper.\(instance)")
            var grid = grids[rng.index(grids.count)]
            if rotate {
                let r = rng.index(grid.count)
                let rotated = Array(grid.values[r...] + grid.values[..<r])
                grid = TimeSeries(start: 0, step: grid.stepLength(0), values: rotated)
            }
            guard let shaped = Self.scaled(grid, toMean: targetMean) else {
                throw TraceError(file: file, "cannot shape the chosen pod to mean utilization \(targetMean)")
            }
            return shaped
        }
    }
}
