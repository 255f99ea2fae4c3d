import SimEngine

/// The published and calibrated constants of one GPU model (DESIGN §4).
///
/// Profiles are data: the catalogue (``DeviceProfile/catalog``) gives each constant with its
/// source in ``source``; a scenario may override any field with ``DeviceProfileOverride``.
/// Constants marked (L) in DESIGN are low-confidence defaults that calibration may replace.
public struct DeviceProfile: Hashable, Codable, Sendable {
    /// Catalogue key, e.g. `v100-sxm2-16gb`.
    public var name: String
    /// Where the constants come from.
    public var source: String
    /// Streaming multiprocessors.
    public var sms: Int
    /// Maximum resident threads per SM (HAMi token pool = sms × this × 32).
    public var maxThreadsPerSM: Int
    /// Maximum resident blocks per SM.
    public var maxBlocksPerSM: Int
    /// Device memory capacity in bytes.
    public var memoryBytes: Int64
    /// Peak DRAM bandwidth in GB/s.
    public var dramBandwidthGBs: Double
    /// L2 cache size in bytes.
    public var l2Bytes: Int64
    /// Whether OpenGL/Vulkan (render) work is supported.
    public var supportsGraphics: Bool
    /// Number of NVENC engines.
    public var nvencEngines: Int
    /// Number of NVDEC engines.
    public var nvdecEngines: Int
    /// 1080p H.264 frames per second one NVENC engine encodes.
    public var nvencFramesPerSecond: Double
    /// 1080p H.264 frames per second one NVDEC engine decodes.
    public var nvdecFramesPerSecond: Double
    /// Native driver timeslice between contexts.
    public var timeslice: SimDuration
    /// Cost of a context switch on the SMs (nothing runs meanwhile).
    public var contextSwitchCost: SimDuration
    /// Cost of switching a codec engine between contexts.
    public var codecSwitchCost: SimDuration
    /// Usable share of peak DRAM bandwidth when kernels run concurrently (η).
    public var dramEfficiency: Double
    /// Cache interference coefficient κ: slowdown × (1 + κ·m_i·Σ_{j≠i} m_j).
    public var cacheKappa: Double
    /// Upper bound of the cache slowdown factor.
    public var cacheSlowdownCap: Double
    /// Host-side time from a launch call to the kernel reaching an idle GPU.
    public var launchLatency: SimDuration
    /// Host-side time from a kernel's end to the waiting client seeing it (synchronize).
    public var completionLatency: SimDuration
    /// How long a higher-priority kernel waits for running lower-priority blocks, as a multiple
    /// of their block duration (1: the last displaced block finishes one block duration later).
    public var priorityBlockWait: Double

    /// Creates a profile; every field explicit.
    public init(name: String, source: String, sms: Int, maxThreadsPerSM: Int, maxBlocksPerSM: Int,
                memoryBytes: Int64, dramBandwidthGBs: Double, l2Bytes: Int64, supportsGraphics: Bool,
                nvencEngines: Int, nvdecEngines: Int, nvencFramesPerSecond: Double,
                nvdecFramesPerSecond: Double, timeslice: SimDuration, contextSwitchCost: SimDuration,
                codecSwitchCost: SimDuration, dramEfficiency: Double, cacheKappa: Double,
                cacheSlowdownCap: Double, launchLatency: SimDuration, completionLatency: SimDuration,
                priorityBlockWait: Double) {
        self.name = name
        self.source = source
        self.sms = sms
        self.maxThreadsPerSM = maxThreadsPerSM
        self.maxBlocksPerSM = maxBlocksPerSM
        self.memoryBytes = memoryBytes
        self.dramBandwidthGBs = dramBandwidthGBs
        self.l2Bytes = l2Bytes
        self.supportsGraphics = supportsGraphics
        self.nvencEngines = nvencEngines
        self.nvdecEngines = nvdecEngines
        self.nvencFramesPerSecond = nvencFramesPerSecond
        self.nvdecFramesPerSecond = nvdecFramesPerSecond
        self.timeslice = timeslice
        self.contextSwitchCost = contextSwitchCost
        self.codecSwitchCost = codecSwitchCost
        self.dramEfficiency = dramEfficiency
        self.cacheKappa = cacheKappa
        self.cacheSlowdownCap = cacheSlowdownCap
        self.launchLatency = launchLatency
        self.completionLatency = completionLatency
        self.priorityBlockWait = priorityBlockWait
    }

    /// Engines of `kind` on this device (compute and render: 1 graphics engine, 0 for render
    /// when graphics is unsupported).
    public func engineCount(_ kind: EngineKind) -> Int {
        switch kind {
        case .compute: return 1
        case .render: return supportsGraphics ? 1 : 0
        case .nvenc: return nvencEngines
        case .nvdec: return nvdecEngines
        }
    }

    /// Work (one engine's time) for one 1080p H.264 frame on `kind` (`.nvenc` or `.nvdec`).
    public func codecFrameWork(_ kind: EngineKind) -> SimDuration {
        let fps = kind == .nvdec ? nvdecFramesPerSecond : nvencFramesPerSecond
        return fps > 0 ? .seconds(1 / fps) : .zero
    }
}
