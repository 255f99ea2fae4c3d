import ColoModel
import Isolation
import SimEngine
import Simulator

/// What `colosim run` reports for one scenario run: GPU figures, per-workload latency and throughput,
/// and per-container configured versus achieved shares from the token ledger.
public struct ScenarioReport: Sendable {
    /// One GPU's figures.
    public struct GPU: Sendable, Hashable {
        /// Device index.
        public var id: Int
        /// Fraction of time any kernel or render work ran.
        public var utilization: Double
        /// Mean fraction of the SMs occupied.
        public var smUtilization: Double
        /// Mean fraction of NVENC engine time busy.
        public var nvencUtilization: Double
        /// Mean fraction of NVDEC engine time busy.
        public var nvdecUtilization: Double
        /// Context switches on the SMs.
        public var contextSwitches: Int
    }

    /// One workload's figures.
    public struct Workload: Sendable, Hashable {
        /// Name.
        public var name: String
        /// `kernels`, `inference`, `render`, `codec`, `memory`.
        public var kind: String
        /// Owning container's name.
        public var container: String
        /// Median request latency, ms (nil without requests).
        public var latencyP50Ms: Double?
        /// 99th-percentile request latency, ms.
        public var latencyP99Ms: Double?
        /// Fraction of requests within the SLA (nil without an SLA).
        public var slaAttainment: Double?
        /// Completed requests per second.
        public var throughputPerSecond: Double
        /// Requests issued.
        public var issued: Int
        /// Requests completed.
        public var completed: Int
        /// Requests dropped.
        public var dropped: Int
        /// Kernel launches completed.
        public var kernelsCompleted: Int
        /// Launch attempts the user-mode engine deferred (throttle or gate sleeps).
        public var throttledLaunches: Int
    }

    /// One container's configured and achieved shares.
    public struct Container: Sendable, Hashable {
        /// Name.
        public var name: String
        /// Isolation engine name.
        public var engine: String
        /// Configured share (see ``Scenario/configuredShares``).
        public var configuredShare: Double
        /// Achieved share of each engine over the measured window.
        public var achievedShare: EngineShares
        /// Mean of achieved − configured over the ledger windows from the container's first to its last
        /// window with work in the slice domain (graphics = compute + render); absent for domains it never used.
        public var weightError: [SliceDomain: Double]
        /// Largest |achieved − configured| over those windows, per domain.
        public var worstWindowError: [SliceDomain: Double]
        /// Achieved share of the SMs (compute + render) in each ledger window of the measured range.
        public var graphicsWindows: [Double]
        /// Peak device memory held, bytes.
        public var peakMemoryBytes: Int64
        /// Refused allocations.
        public var oomCount: Int
    }

    /// Scenario name.
    public var scenario: String
    /// Seed used.
    public var seed: UInt64
    /// Run digest (16 hex digits).
    public var digest: String
    /// Simulated time, s.
    public var simulatedSeconds: Double
    /// Start of the measured window for shares, s.
    public var measuredFromSeconds: Double
    /// End of the measured window for shares, s.
    public var measuredToSeconds: Double
    /// GPUs (one for single-GPU scenarios).
    public var gpus: [GPU]
    /// Workloads in file order.
    public var workloads: [Workload]
    /// Containers in file order.
    public var containers: [Container]
    /// Invariant violations of the token ledger (empty when achieved shares never sum above 1).
    public var ledgerViolations: [String]
}
