import ColoModel
import Isolation
import SimEngine
import Simulator

extension ScenarioLoader {
    /// `device.override`: any ``DeviceProfileOverride`` key (units in the key names).
    static func parseOverride(_ o: inout MappingReader) throws -> DeviceProfileOverride {
        var v = DeviceProfileOverride()
        v.sms = try o.int("sms")
        v.maxThreadsPerSM = try o.int("max_threads_per_sm")
        v.maxBlocksPerSM = try o.int("max_blocks_per_sm")
        v.memoryGiB = try o.double("memory_gib")
        v.dramBandwidthGBs = try o.double("dram_bandwidth_gbs")
        v.l2MiB = try o.double("l2_mib")
        v.supportsGraphics = try o.bool("supports_graphics")
        v.nvencEngines = try o.int("nvenc_engines")
        v.nvdecEngines = try o.int("nvdec_engines")
        v.nvencFPS = try o.double("nvenc_fps")
        v.nvdecFPS = try o.double("nvdec_fps")
        v.timesliceMs = try o.double("timeslice_ms")
        v.contextSwitchUs = try o.double("context_switch_us")
        v.codecSwitchUs = try o.double("codec_switch_us")
        v.dramEfficiency = try o.double("dram_efficiency")
        v.cacheKappa = try o.double("cache_kappa")
        v.cacheSlowdownCap = try o.double("cache_slowdown_cap")
        v.launchLatencyUs = try o.double("launch_latency_us")
        v.completionLatencyUs = try o.double("completion_latency_us")
        v.priorityBlockWait = try o.double("priority_block_wait")
        return v
    }

    static func ns(ms v: Double) -> Int64 { Int64((v * 1e6).rounded()) }
    static func ns(us v: Double) -> Int64 { Int64((v * 1e3).rounded()) }

    /// Every engine's parameters of an `isolation` section (and its `engine`, when given).
    struct IsolationParameters {
        var engine: String?
        var user: UserModeParameters
        var sliced: TimeSlicedQuotaEngine.Parameters
        var kernel: KernelModeParameters
        var kernelPolicy: KernelModePolicy?
        var totalWeight: Double?
    }

    /// `isolation`: `engine` and the section of that engine's parameters.
    static func parseIsolation(_ r: inout MappingReader, profile: DeviceProfile) throws -> IsolationSpec {
        let p = try parseIsolationParameters(&r, profile: profile, engineRequired: true)
        switch p.engine {
        case "user-mode": return .userMode(p.user)
        case "user-mode-time-sliced": return .userModeTimeSliced(p.sliced)
        case "kernel-mode": return .kernelMode(p.kernelPolicy ?? .burst, p.kernel, totalWeight: p.totalWeight)
        default: return .none
        }
    }

    /// The engine names an `isolation.engine` may take.
    static let engineNames = ["none", "user-mode", "user-mode-time-sliced", "kernel-mode"]

    /// The parameters of every engine section of `isolation` (the same keys for single-GPU and cluster files).
    static func parseIsolationParameters(_ r: inout MappingReader, profile: DeviceProfile,
                                         engineRequired: Bool) throws -> IsolationParameters {
        let engine = try r.choice("engine", engineNames, required: engineRequired)
        var user = UserModeParameters(smCount: Int64(profile.sms), maxThreadsPerSM: Int64(profile.maxThreadsPerSM))
        if var u = try r.mapping("user_mode") {
            if let p = try u.choice("policy", UserModeParameters.Policy.allCases.map(\.rawValue)),
               let policy = UserModeParameters.Policy(rawValue: p) { user.policy = policy }
            if let v = try u.double("watcher_period_ms", min: 0, minExclusive: true) { user.watcherPeriodNs = ns(ms: v) }
            if let v = try u.double("utilization_window_ms", min: 0, minExclusive: true) { user.utilizationWindowNs = ns(ms: v) }
            if let v = try u.double("throttle_sleep_ms", min: 0, minExclusive: true) { user.throttleSleepNs = ns(ms: v) }
            if let v = try u.double("detection_period_ms", min: 0, minExclusive: true) { user.detectionPeriodNs = ns(ms: v) }
            if let v = try u.double("gate_sleep_ms", min: 0, minExclusive: true) { user.gateSleepNs = ns(ms: v) }
            if let v = try u.int("pool_factor", min: 1) { user.poolFactor = Int64(v) }
            if let v = try u.int("minimum_diff", min: 0) { user.minimumDiff = Int64(v) }
            if let v = try u.int("step_divisor", min: 1) { user.stepDivisor = Int64(v) }
            if let s = try u.choice("step_scaling", UserModeParameters.StepScaling.allCases.map(\.rawValue)),
               let scaling = UserModeParameters.StepScaling(rawValue: s) { user.stepScaling = scaling }
            if let v = try u.bool("initial_switch") { user.initialUtilizationSwitch = v }
            if let v = try u.int("initial_tokens") { user.initialTokens = Int64(v) }
            try u.finish()
        }
        var sliced = TimeSlicedQuotaEngine.Parameters()
        if var t = try r.mapping("time_sliced") {
            if let v = try t.double("base_quota_ms", min: 0, minExclusive: true) { sliced.baseQuotaNs = ns(ms: v) }
            if let v = try t.double("minimum_quota_ms", min: 0, minExclusive: true) { sliced.minimumQuotaNs = ns(ms: v) }
            if let v = try t.double("window_s", min: 0, minExclusive: true) { sliced.windowNs = ns(ms: v * 1000) }
            if sliced.minimumQuotaNs > sliced.baseQuotaNs {
                throw t.error("minimum_quota_ms", "must be ≤ base_quota_ms")
            }
            try t.finish()
        }
        var kernel = KernelModeParameters()
        var policy: KernelModePolicy?
        var total: Double?
        if var k = try r.mapping("kernel_mode") {
            if let p = try k.choice("policy", KernelModePolicy.allCases.map(\.rawValue)),
               let v = KernelModePolicy(rawValue: p) { policy = v }
            if let v = try k.double("slice_ms", min: 0, minExclusive: true) { kernel.unitNs = ns(ms: v) }
            if let v = try k.int("units_per_period", min: 1) { kernel.unitsPerPeriod = v }
            if let v = try k.double("switch_cost_us", min: 0) { kernel.switchCostNs = ns(us: v) }
            if let v = try k.double("preemption_latency_us", min: 0) { kernel.preemptionLatencyNs = ns(us: v) }
            if let v = try k.double("reclaim_delay_ms", min: 0, max: 100) { kernel.reclaimDelayNs = ns(ms: v) }
            if let v = try k.double("memory_step_gib", min: 0, minExclusive: true) { kernel.memoryStepBytes = Int64((v * 1_073_741_824).rounded()) }
            if let v = try k.int("max_instances", min: 1) { kernel.maxInstances = v }
            total = try k.double("total_weight", min: 0, minExclusive: true)
            if let p = kernel.problems.first { throw k.error(p.field, p.message) }
            try k.finish()
        }
        return IsolationParameters(engine: engine, user: user, sliced: sliced, kernel: kernel, kernelPolicy: policy,
                                   totalWeight: total)
    }

    /// One `containers[i]` entry.
    static func parseContainer(_ c: inout MappingReader, id: Int, isolation: IsolationSpec, profile: DeviceProfile,
                               workloadNames: inout Set<String>) throws -> ContainerSpec {
        let name = try c.string("name", required: true) ?? "c\(id)"
        let priority = try parsePriority(&c, "priority") ?? .bestEffort
        let weight = try c.double("weight", min: 0, minExclusive: true) ?? 1
        let limit = try c.double("limit_percent", min: 0, max: 100, minExclusive: true)
        var quota: Int64?
        if let gib = try c.double("memory_gib", min: 0, minExclusive: true) {
            quota = Int64((gib * 1_073_741_824).rounded())
            if quota.map({ $0 > profile.memoryBytes }) == true {
                throw c.error("memory_gib", "exceeds the device memory (\(Double(profile.memoryBytes) / 1_073_741_824) GiB)")
            }
        }
        if case .kernelMode(_, let p, _) = isolation, let q = quota { quota = min(p.roundedQuota(q), profile.memoryBytes) }
        guard let items = try c.sequence("workloads", required: true) else { throw c.missing("workloads") }
        var workloads: [WorkloadSpec] = []
        for (j, item) in items.enumerated() {
            var w = try MappingReader(item, path: "\(c.path).workloads[\(j)]", file: c.file, index: c.index)
            let spec = try parseWorkload(&w, profile: profile)
            if !workloadNames.insert(spec.name).inserted { throw w.error("name", "duplicate workload name '\(spec.name)'") }
            try w.finish()
            workloads.append(spec)
        }
        return ContainerSpec(id: ContainerID(id), name: name, priority: priority, weight: weight,
                             limitPercent: limit, memoryQuotaBytes: quota, workloads: workloads)
    }

    static func parsePriority(_ r: inout MappingReader, _ key: String) throws -> PriorityClass? {
        guard let s = try r.choice(key, ["LS", "BE", "online", "offline"]) else { return nil }
        return s == "LS" || s == "online" ? .latencySensitive : .bestEffort
    }
}
