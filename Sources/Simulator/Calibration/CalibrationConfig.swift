import ColoModel
import SimEngine

/// One configuration of a real-GPU co-location measurement, in the format of
/// `../shared/calibration/*.configs.jsonl` (README there): the experiment's parameters and what
/// was measured.
public struct CalibrationConfig: Hashable, Sendable {
    /// How LS and BE share the GPU in the experiment.
    public enum Sharing: String, Hashable, Sendable, CaseIterable {
        /// Alone on the GPU.
        case solo
        /// Two processes: the driver time-slices their contexts.
        case procs
        /// One process, two streams of equal priority.
        case streams
        /// One process, the LS stream at the highest priority.
        case prio
    }

    /// Measured LS latency statistics, in microseconds.
    public struct LSMeasurement: Hashable, Sendable {
        /// Requests measured.
        public var n: Int
        /// Mean latency.
        public var meanUs: Double
        /// Median.
        public var p50Us: Double
        /// 99th percentile.
        public var p99Us: Double
    }

    /// Configuration name, e.g. `prio-r1000-be2ms`.
    public var name: String
    /// Sharing mode.
    public var sharing: Sharing
    /// LS Poisson rate per second (0: no LS).
    public var lsRatePerSecond: Double
    /// LS kernel duration alone, µs (one full wave).
    public var lsKernelUs: Double?
    /// BE kernel duration alone, ms (nil: no BE).
    public var beKernelMs: Double?
    /// BE block (wave) duration, µs.
    public var beBlockUs: Double?
    /// Length of the LS arrival period (or of the BE run when alone), seconds.
    public var seconds: Double
    /// LS requests in flight (1: served one at a time).
    public var lsInFlight: Int
    /// BE kernels in flight.
    public var beInFlight: Int
    /// SMs of the measured GPU.
    public var sms: Int
    /// Resident blocks per SM of the work kernel.
    public var blocksPerSM: Int
    /// Measured LS latency (nil: no LS).
    public var ls: LSMeasurement?
    /// Measured BE throughput in kernels per second (nil: no BE).
    public var beKernelsPerSecond: Double?

    /// Whether the configuration has an LS client.
    public var hasLS: Bool { lsRatePerSecond > 0 && lsKernelUs != nil }
    /// Whether the configuration has a BE client.
    public var hasBE: Bool { beKernelMs != nil }
}
