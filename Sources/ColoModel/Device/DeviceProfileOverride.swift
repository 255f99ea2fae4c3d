import SimEngine

/// Scenario-level changes to a ``DeviceProfile``: every field optional, units in the key names.
///
/// Decoded from a scenario (`device: {profile: v100-sxm2-16gb, override: {timeslice_ms: 4}}`) and
/// applied with ``DeviceProfile/applying(_:)``; ``DeviceProfile/problems()`` then names any
/// impossible value.
public struct DeviceProfileOverride: Hashable, Codable, Sendable {
    /// Streaming multiprocessors.
    public var sms: Int?
    /// Maximum resident threads per SM.
    public var maxThreadsPerSM: Int?
    /// Maximum resident blocks per SM.
    public var maxBlocksPerSM: Int?
    /// Device memory, GiB.
    public var memoryGiB: Double?
    /// Peak DRAM bandwidth, GB/s.
    public var dramBandwidthGBs: Double?
    /// L2 cache, MiB.
    public var l2MiB: Double?
    /// Whether render work is supported.
    public var supportsGraphics: Bool?
    /// NVENC engines.
    public var nvencEngines: Int?
    /// NVDEC engines.
    public var nvdecEngines: Int?
    /// 1080p H.264 frames/s of one NVENC engine.
    public var nvencFPS: Double?
    /// 1080p H.264 frames/s of one NVDEC engine.
    public var nvdecFPS: Double?
    /// Native timeslice, ms.
    public var timesliceMs: Double?
    /// SM context-switch cost, µs.
    public var contextSwitchUs: Double?
    /// Codec-engine switch cost, µs.
    public var codecSwitchUs: Double?
    /// Usable DRAM share η under concurrency.
    public var dramEfficiency: Double?
    /// Cache interference coefficient κ.
    public var cacheKappa: Double?
    /// Cap of the cache slowdown factor.
    public var cacheSlowdownCap: Double?
    /// Host launch latency, µs.
    public var launchLatencyUs: Double?
    /// Host completion (synchronize) latency, µs.
    public var completionLatencyUs: Double?
    /// Priority block wait, in block durations.
    public var priorityBlockWait: Double?

    /// The YAML/JSON keys, snake_case with units.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case sms
        case maxThreadsPerSM = "max_threads_per_sm"
        case maxBlocksPerSM = "max_blocks_per_sm"
        case memoryGiB = "memory_gib"
        case dramBandwidthGBs = "dram_bandwidth_gbs"
        case l2MiB = "l2_mib"
        case supportsGraphics = "supports_graphics"
        case nvencEngines = "nvenc_engines"
        case nvdecEngines = "nvdec_engines"
        case nvencFPS = "nvenc_fps"
        case nvdecFPS = "nvdec_fps"
        case timesliceMs = "timeslice_ms"
        case contextSwitchUs = "context_switch_us"
        case codecSwitchUs = "codec_switch_us"
        case dramEfficiency = "dram_efficiency"
        case cacheKappa = "cache_kappa"
        case cacheSlowdownCap = "cache_slowdown_cap"
        case launchLatencyUs = "launch_latency_us"
        case completionLatencyUs = "completion_latency_us"
        case priorityBlockWait = "priority_block_wait"
    }

    /// An override that changes nothing.
    public init() {}
}

extension DeviceProfile {
    /// This profile with the fields set in `o` replaced.
    public func applying(_ o: DeviceProfileOverride) -> DeviceProfile {
        var p = self
        if let v = o.sms { p.sms = v }
        if let v = o.maxThreadsPerSM { p.maxThreadsPerSM = v }
        if let v = o.maxBlocksPerSM { p.maxBlocksPerSM = v }
        if let v = o.memoryGiB { p.memoryBytes = Int64((v * 1_073_741_824).rounded()) }
        if let v = o.dramBandwidthGBs { p.dramBandwidthGBs = v }
        if let v = o.l2MiB { p.l2Bytes = Int64((v * 1_048_576).rounded()) }
        if let v = o.supportsGraphics { p.supportsGraphics = v }
        if let v = o.nvencEngines { p.nvencEngines = v }
        if let v = o.nvdecEngines { p.nvdecEngines = v }
        if let v = o.nvencFPS { p.nvencFramesPerSecond = v }
        if let v = o.nvdecFPS { p.nvdecFramesPerSecond = v }
        if let v = o.timesliceMs { p.timeslice = .milliseconds(v) }
        if let v = o.contextSwitchUs { p.contextSwitchCost = .microseconds(v) }
        if let v = o.codecSwitchUs { p.codecSwitchCost = .microseconds(v) }
        if let v = o.dramEfficiency { p.dramEfficiency = v }
        if let v = o.cacheKappa { p.cacheKappa = v }
        if let v = o.cacheSlowdownCap { p.cacheSlowdownCap = v }
        if let v = o.launchLatencyUs { p.launchLatency = .microseconds(v) }
        if let v = o.completionLatencyUs { p.completionLatency = .microseconds(v) }
        if let v = o.priorityBlockWait { p.priorityBlockWait = v }
        return p
    }

    /// Impossible values in this profile, as (override key, message) pairs; empty when valid.
    public func problems() -> [(field: String, message: String)] {
        typealias K = DeviceProfileOverride.CodingKeys
        var out: [(String, String)] = []
        func need(_ ok: Bool, _ k: K, _ msg: String) { if !ok { out.append((k.rawValue, msg)) } }
        need(sms > 0, .sms, "must be > 0, got \(sms)")
        need(maxThreadsPerSM > 0, .maxThreadsPerSM, "must be > 0, got \(maxThreadsPerSM)")
        need(maxBlocksPerSM > 0, .maxBlocksPerSM, "must be > 0, got \(maxBlocksPerSM)")
        need(memoryBytes > 0, .memoryGiB, "must be > 0")
        need(dramBandwidthGBs > 0, .dramBandwidthGBs, "must be > 0, got \(dramBandwidthGBs)")
        need(l2Bytes >= 0, .l2MiB, "must be >= 0")
        need(nvencEngines >= 0, .nvencEngines, "must be >= 0, got \(nvencEngines)")
        need(nvdecEngines >= 0, .nvdecEngines, "must be >= 0, got \(nvdecEngines)")
        need(nvencFramesPerSecond >= 0 && (nvencEngines == 0 || nvencFramesPerSecond > 0), .nvencFPS,
             "must be > 0 when the device has NVENC engines, got \(nvencFramesPerSecond)")
        need(nvdecFramesPerSecond >= 0 && (nvdecEngines == 0 || nvdecFramesPerSecond > 0), .nvdecFPS,
             "must be > 0 when the device has NVDEC engines, got \(nvdecFramesPerSecond)")
        need(timeslice > .zero, .timesliceMs, "must be > 0")
        need(contextSwitchCost >= .zero, .contextSwitchUs, "must be >= 0")
        need(codecSwitchCost >= .zero, .codecSwitchUs, "must be >= 0")
        need(dramEfficiency > 0 && dramEfficiency <= 1, .dramEfficiency,
             "must be in (0, 1], got \(dramEfficiency)")
        need(cacheKappa >= 0, .cacheKappa, "must be >= 0, got \(cacheKappa)")
        need(cacheSlowdownCap >= 1, .cacheSlowdownCap, "must be >= 1, got \(cacheSlowdownCap)")
        need(launchLatency >= .zero, .launchLatencyUs, "must be >= 0")
        need(completionLatency >= .zero, .completionLatencyUs, "must be >= 0")
        need(priorityBlockWait >= 0, .priorityBlockWait, "must be >= 0, got \(priorityBlockWait)")
        return out
    }
}
