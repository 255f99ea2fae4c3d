import ColoModel
import Metrics
import SimEngine

/// What a single-GPU simulation measured.
public struct SimulationResult: Sendable, Codable {
    /// FNV-1a-64 over the event trace and the result scalars.
    public var digest: UInt64
    /// Simulated time covered (duration plus drain).
    public var simulatedTime: SimDuration
    /// Events handled.
    public var events: UInt64
    /// Whole-GPU figures.
    public var gpu: GPUResult
    /// Per workload, in configuration order.
    public var workloads: [WorkloadResult]
    /// Per container, in configuration order.
    public var containers: [ContainerResult]
    /// Achieved shares per window of ``SimulationConfig/shareWindow`` (token-ledger input).
    public var shareWindows: [ShareWindow]
    /// Allocations refused (device capacity or quota).
    public var oomEvents: [OOMEvent]
    /// Model invariants found broken (checked after every event when
    /// ``SimulationConfig/checkInvariants`` is on); empty in a correct run.
    public var invariantViolations: [String]
    /// Per workload name, when the host last saw a request complete.
    public var lastCompletion: [String: Instant]
    /// The recorded timeline (events in the order they closed), empty unless
    /// ``SimulationConfig/timelineWindow`` was set.
    public var timeline: [TimelineEvent] = []
    /// Timeline events not kept because the recorder's bound was reached.
    public var timelineDropped: Int = 0
    /// What had been done by the end of ``SimulationConfig/duration`` (nil unless
    /// ``SimulationConfig/snapshotAtDuration`` is on, or when the run stopped before then).
    public var atDuration: DurationSnapshot? = nil

    /// The digest as 16 hex digits.
    public var digestHex: String {
        let s = String(digest, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

/// Whole-GPU utilization over the simulated time (``SimulationConfig/duration`` plus any drain).
public struct GPUResult: Sendable, Codable, Hashable {
    /// Fraction of time any kernel or render work was running (NVML "utilization.gpu").
    public var utilization: Double
    /// Mean fraction of the SMs occupied (Σ rate × SM fraction).
    public var smUtilization: Double
    /// Mean fraction of NVENC engine time busy.
    public var nvencUtilization: Double
    /// Mean fraction of NVDEC engine time busy.
    public var nvdecUtilization: Double
    /// Context switches performed on the SMs.
    public var contextSwitches: Int
}

/// One workload's results.
public struct WorkloadResult: Sendable, Codable, Hashable {
    /// Workload name.
    public var name: String
    /// `kernels`, `inference`, `render`, `codec` or `memory`.
    public var kind: String
    /// The owning container.
    public var container: ContainerID
    /// Requests (kernel requests, inference items, frames) issued.
    public var issued: Int
    /// Requests completed.
    public var completed: Int
    /// Requests dropped (render/codec frames finding the queue full).
    public var dropped: Int
    /// Completions per second of ``SimulationConfig/duration`` (completions after it count too
    /// when draining).
    public var throughputPerSecond: Double
    /// Kernel launches completed.
    public var kernelsCompleted: Int
    /// Request latency (arrival to completion seen by the host); nil without requests.
    public var latency: LatencySummary?
    /// Fraction of requests within the workload's SLA; nil without an SLA.
    public var slaAttainment: Double?
    /// Launch attempts the gate deferred.
    public var throttledLaunches: Int
    /// Request latency CDF at ``LatencyQuantile/cdfFractions`` (empty without requests); not part of the digest.
    public var latencyCDF: [LatencyQuantile] = []
    /// Every request's latency on ``LatencyHistogram`` buckets (nil unless
    /// ``SimulationConfig/recordLatencyBuckets``); not part of the digest.
    public var latencyBuckets: LatencyBuckets? = nil
}

/// One container's results.
public struct ContainerResult: Sendable, Codable, Hashable {
    /// Identity.
    public var id: ContainerID
    /// Name.
    public var name: String
    /// Configured share: weight / Σ weights.
    public var configuredShare: Double
    /// Achieved shares over the whole run.
    public var achievedShare: EngineShares
    /// Peak device memory held.
    public var peakMemoryBytes: Int64
    /// Refused allocations.
    public var oomCount: Int
}

/// An allocation that was refused.
public struct OOMEvent: Sendable, Codable, Hashable {
    /// When.
    public var time: Instant
    /// The request.
    public var request: MemoryRequest
    /// Why it was refused.
    public var decision: MemoryDecision
}
