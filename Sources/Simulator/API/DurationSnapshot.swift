/// What a single-GPU run had done at the end of ``SimulationConfig/duration``, before any drain: the
/// measurement of exactly the configured window (node-model evaluations, DESIGN §11).
///
/// A run's totals include its drain: requests and kernels in flight at the end complete afterwards,
/// and the GPU idles once they have. Dividing those totals by the window overstates work done and
/// understates utilization by about (drain work) / window, a bias that grows as windows shrink
/// (measured on the recsys day under `shared`: −0.016 utilization and +0.9 % BE work at 2 s windows,
/// −0.005 and +0.3 % at 5 s, against 10 s). The snapshot has no such edge: kernels in flight count
/// with the fraction of their work already done.
public struct DurationSnapshot: Sendable, Codable, Hashable {
    /// Nanoseconds any compute or render work was running, up to the end of the window.
    public var busyTime: Double
    /// Σ SM fraction × nanoseconds, up to the end of the window.
    public var smTime: Double
    /// Per workload, in configuration order: compute and render kernels finished on the device by the
    /// end of the window, plus the finished fraction of each one still running then.
    public var kernels: [Double]

    /// Creates a snapshot.
    public init(busyTime: Double, smTime: Double, kernels: [Double]) {
        self.busyTime = busyTime
        self.smTime = smTime
        self.kernels = kernels
    }
}

extension DurationSnapshot {
    /// What was done between `earlier` and this snapshot (a warm-up's measurement subtracted).
    /// O(workloads).
    public func since(_ earlier: DurationSnapshot) -> DurationSnapshot {
        DurationSnapshot(busyTime: busyTime - earlier.busyTime, smTime: smTime - earlier.smTime,
                         kernels: kernels.indices.map { kernels[$0] - (earlier.kernels.indices.contains($0) ? earlier.kernels[$0] : 0) })
    }
}
