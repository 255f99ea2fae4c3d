/// One configuration of a real user-mode (HAMi-core) measurement, in the normalized format of
/// `../shared/calibration/hami/*.configs.jsonl` (README there): containers with their limits, their
/// workload and what was measured for each.
public struct UserModeCalibrationConfig: Hashable, Sendable {
    /// How the compute limit applied in the run (`utilization_policy`).
    public enum Policy: String, Hashable, Sendable, CaseIterable {
        /// HAMi-core with `GPU_CORE_UTILIZATION_POLICY=force`, or no node monitor (the switch stays on).
        case force
        /// HAMi-core with `GPU_CORE_UTILIZATION_POLICY=disable`.
        case disable
        /// No HAMi-core: native time-slicing.
        case none
    }

    /// What a container runs.
    public enum Workload: Hashable, Sendable {
        /// Kernels of one shape: closed loop (`inFlight` kept in flight) or Poisson arrivals at
        /// `ratePerSecond` served `inFlight` at a time.
        case kernels(ratePerSecond: Double?, inFlight: Int, kernelUs: Double, gridBlocks: Int, blockUs: Double)
        /// `chunkMiB` allocations one after the other until one fails or `capMiB` are held.
        case memory(chunkMiB: Int, capMiB: Int)
    }

    /// What was measured for one container (nil: not measured).
    public struct Measured: Hashable, Sendable {
        /// Kernels (requests) completed per second.
        public var throughputPerSecond: Double?
        /// Median request latency, µs.
        public var p50Us: Double?
        /// 99th-percentile request latency, µs.
        public var p99Us: Double?
        /// Requests behind the latency percentiles.
        public var n: Int?
        /// MiB allocated before the first failure (or the cap).
        public var allocatedMiB: Double?

        /// Figures (all nil by default).
        public init(throughputPerSecond: Double? = nil, p50Us: Double? = nil, p99Us: Double? = nil, n: Int? = nil,
                    allocatedMiB: Double? = nil) {
            self.throughputPerSecond = throughputPerSecond
            self.p50Us = p50Us
            self.p99Us = p99Us
            self.n = n
            self.allocatedMiB = allocatedMiB
        }
    }

    /// One container (one process, its own HAMi shared region).
    public struct Container: Hashable, Sendable {
        /// Name, unique in the configuration.
        public var name: String
        /// `CUDA_DEVICE_SM_LIMIT` in percent (0 or ≥ 100: unlimited).
        public var limitPercent: Int
        /// `CUDA_DEVICE_MEMORY_LIMIT` in MiB (nil: none).
        public var memoryLimitMiB: Int?
        /// Its workload.
        public var workload: Workload
        /// What was measured.
        public var measured: Measured
        /// When its process starts, seconds from the run start (nil: the replay's convention).
        public var startSeconds: Double? = nil
        /// When its client stops, seconds from the run start (nil: the replay's convention).
        public var stopSeconds: Double? = nil
    }

    /// Configuration name, e.g. `pair-L10-L90`.
    public var name: String
    /// Device profile of the measurement (`h200`).
    public var profile: String
    /// Length of each client's measured run, seconds.
    public var seconds: Double
    /// The utilization policy.
    public var policy: Policy
    /// Solo baselines by name (`be2ms`, `closed`, …): throughput per second, or µs for `*-us` keys.
    public var solo: [String: Double]
    /// The containers, in start order.
    public var containers: [Container]
    /// The container whose host pid every container started with it read (HAMi-core's `hostPid=` log
    /// lines; the `set_task_pid` race, ``Isolation/UserModeParameters/hostPidRaceWindowNs``); nil when
    /// not recorded.
    public var hostPidOf: String? = nil

    /// The solo throughput of `container`'s kernel: `closed` for a synchronizing client (one in
    /// flight, closed loop), `be<ms>ms` for a kernel of ms = waves × 0.05 (waves = kernel / block
    /// duration; the probe's BE kernels are 20 × ms waves of 50 µs blocks); nil when not listed.
    public func soloThroughput(of container: Container) -> Double? {
        guard case .kernels(let rate, let inFlight, let kernelUs, _, let blockUs) = container.workload,
              rate == nil else { return nil }
        if inFlight == 1 { return solo["closed"] }
        let waves = (kernelUs / blockUs).rounded()
        let ms = waves * 0.05
        let key = ms == ms.rounded() ? "be\(Int(ms))ms" : "be\(ms)ms"
        return solo[key]
    }
}
