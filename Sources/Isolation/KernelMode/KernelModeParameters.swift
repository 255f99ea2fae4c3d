/// Constants of the kernel-mode engine (DESIGN §5, cGPU / qGPU behaviour; `(L)` low-confidence defaults).
public struct KernelModeParameters: Sendable, Hashable, Codable {
    /// Length of one scheduling unit (slice), ns (2 ms, L).
    public var unitNs: Int64 = 2_000_000
    /// Units per scheduling period (20, L): a period is `unitsPerPeriod × unitNs` = 40 ms.
    public var unitsPerPeriod: Int = 20
    /// Cost of switching the domain from one container's context to another's, ns
    /// (≈25 µs [Spliet & Mullins, OSPERT'18]).
    public var switchCostNs: Int64 = 25_000
    /// Extra latency when an online context preempts an offline one mid-slice, ns (≈50 µs, L).
    public var preemptionLatencyNs: Int64 = 50_000
    /// Delay before a container that turned busy is offered slices again under `burst`, ns (0: the next
    /// slice boundary). DESIGN §5 requires the returned share within 100 ms.
    public var reclaimDelayNs: Int64 = 0
    /// Memory quota granularity, bytes (1 GiB steps, qGPU).
    public var memoryStepBytes: Int64 = 1 << 30
    /// Most containers one GPU may host (16, qGPU).
    public var maxInstances: Int = 16

    /// Default parameters.
    public init() {}

    /// One period, ns.
    public var periodNs: Int64 { unitNs * Int64(unitsPerPeriod) }

    /// Problems with these parameters, as (field, message) pairs; empty when valid.
    public var problems: [(field: String, message: String)] {
        var p: [(String, String)] = []
        if unitNs <= 0 { p.append(("slice_ms", "must be > 0")) }
        if unitsPerPeriod <= 0 { p.append(("units_per_period", "must be > 0, got \(unitsPerPeriod)")) }
        if switchCostNs < 0 { p.append(("switch_cost_us", "must be ≥ 0")) }
        if switchCostNs >= unitNs { p.append(("switch_cost_us", "must be shorter than a slice")) }
        if preemptionLatencyNs < 0 { p.append(("preemption_latency_us", "must be ≥ 0")) }
        if reclaimDelayNs < 0 { p.append(("reclaim_delay_ms", "must be ≥ 0")) }
        if memoryStepBytes <= 0 { p.append(("memory_step_gib", "must be > 0")) }
        if maxInstances <= 0 { p.append(("max_instances", "must be > 0")) }
        return p
    }

    /// A memory quota rounded up to the quota granularity.
    public func roundedQuota(_ bytes: Int64) -> Int64 {
        (bytes + memoryStepBytes - 1) / memoryStepBytes * memoryStepBytes
    }
}
