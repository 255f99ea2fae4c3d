import ColoModel

/// The `colosim run --json` document (docs/scenarios.md "Output"): keys in the order they are encoded,
/// absent and non-finite values as `null`.
extension ScenarioReport: Encodable {
    enum CodingKeys: String, CodingKey {
        case digest, scenario, seed
        case simulatedSeconds = "simulated_s"
        case measuredFromSeconds = "measured_from_s"
        case measuredToSeconds = "measured_to_s"
        case gpus, workloads, containers
        case ledgerViolations = "ledger_violations"
    }

    /// Encodes the report's keys in the contract's order.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(digest, forKey: .digest)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(seed, forKey: .seed)
        try c.encode(simulatedSeconds, forKey: .simulatedSeconds)
        try c.encode(measuredFromSeconds, forKey: .measuredFromSeconds)
        try c.encode(measuredToSeconds, forKey: .measuredToSeconds)
        try c.encode(gpus, forKey: .gpus)
        try c.encode(workloads, forKey: .workloads)
        try c.encode(containers, forKey: .containers)
        try c.encode(ledgerViolations, forKey: .ledgerViolations)
    }
}

extension ScenarioReport.GPU: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, utilization
        case smUtilization = "sm_utilization"
        case nvencUtilization = "nvenc_utilization"
        case nvdecUtilization = "nvdec_utilization"
        case contextSwitches = "context_switches"
    }

    /// Encodes every key in order.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(utilization, forKey: .utilization)
        try c.encode(smUtilization, forKey: .smUtilization)
        try c.encode(nvencUtilization, forKey: .nvencUtilization)
        try c.encode(nvdecUtilization, forKey: .nvdecUtilization)
        try c.encode(contextSwitches, forKey: .contextSwitches)
    }
}

extension ScenarioReport.Workload: Encodable {
    enum CodingKeys: String, CodingKey {
        case name, kind, container
        case latencyP50Ms = "latency_p50_ms"
        case latencyP99Ms = "latency_p99_ms"
        case slaAttainment = "sla_attainment"
        case throughputPerSecond = "throughput_per_s"
        case issued, completed, dropped
        case kernelsCompleted = "kernels_completed"
        case throttledLaunches = "throttled_launches"
    }

    /// Encodes every key in order; an absent latency or attainment is `null` (not left out).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(container, forKey: .container)
        try c.encode(latencyP50Ms, forKey: .latencyP50Ms)
        try c.encode(latencyP99Ms, forKey: .latencyP99Ms)
        try c.encode(slaAttainment, forKey: .slaAttainment)
        try c.encode(throughputPerSecond, forKey: .throughputPerSecond)
        try c.encode(issued, forKey: .issued)
        try c.encode(completed, forKey: .completed)
        try c.encode(dropped, forKey: .dropped)
        try c.encode(kernelsCompleted, forKey: .kernelsCompleted)
        try c.encode(throttledLaunches, forKey: .throttledLaunches)
    }
}

extension ScenarioReport.Container: Encodable {
    enum CodingKeys: String, CodingKey {
        case name, engine
        case configuredShare = "configured_share"
        case achievedShare = "achieved_share"
        case weightError = "weight_error"
        case worstWindowError = "worst_window_error"
        case graphicsWindows = "graphics_share_windows"
        case peakMemoryBytes = "peak_memory_bytes"
        case oomCount = "oom_count"
    }

    /// Encodes every key in order: the shares per engine and the errors per slice domain as objects
    /// keyed in their enums' order (a domain the container never used is `null`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(engine, forKey: .engine)
        try c.encode(configuredShare, forKey: .configuredShare)
        var shares = c.nestedContainer(keyedBy: OrderedJSONKey.self, forKey: .achievedShare)
        for k in EngineKind.allCases { try shares.encode(achievedShare[k], forKey: OrderedJSONKey(k.rawValue)) }
        var errors = c.nestedContainer(keyedBy: OrderedJSONKey.self, forKey: .weightError)
        for d in SliceDomain.allCases { try errors.encode(weightError[d], forKey: OrderedJSONKey(d.rawValue)) }
        var worst = c.nestedContainer(keyedBy: OrderedJSONKey.self, forKey: .worstWindowError)
        for d in SliceDomain.allCases { try worst.encode(worstWindowError[d], forKey: OrderedJSONKey(d.rawValue)) }
        try c.encode(graphicsWindows, forKey: .graphicsWindows)
        try c.encode(peakMemoryBytes, forKey: .peakMemoryBytes)
        try c.encode(oomCount, forKey: .oomCount)
    }
}
