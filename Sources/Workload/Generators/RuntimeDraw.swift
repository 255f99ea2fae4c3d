/// Draws job runtimes from an empirical list (e.g. the Philly runtimes), one per job instance.
///
/// A draw depends only on the run seed, the job and the instance (SplitMix64, DESIGN §7), so a job
/// resubmitted after its previous instance finished draws the same runtime in every run of the same
/// scenario and seed, whatever happened elsewhere in the cluster.
public enum RuntimeDraw {
    /// The runtime of instance `instance` of job `job`: a uniformly chosen entry of `runtimes`, at
    /// least `minimum` seconds (nil when `runtimes` is empty). O(1).
    public static func runtime(from runtimes: [Double], seed: UInt64, job: Int, instance: Int,
                               minimum: Double = 1) -> Double? {
        guard !runtimes.isEmpty else { return nil }
        var g = SplitMix64(seed: seed ^ 0x5255_4E54_494D_4553, stream: UInt64(truncatingIfNeeded: job) &* 0x1_0000_0001
                           &+ UInt64(truncatingIfNeeded: instance))
        let i = Int(g.next64() % UInt64(runtimes.count))
        let r = runtimes[i]
        return r.isFinite ? max(minimum, r) : minimum
    }
}
