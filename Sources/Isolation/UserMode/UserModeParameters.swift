/// Every constant of the user-mode (HAMi-core style) engine, each a parameter.
///
/// Defaults are those of HAMi-core [Project-HAMi/HAMi-core `src/multiprocess/multiprocess_utilization_watcher.{c,h}`,
/// `src/multiprocess/multiprocess_memory_limit.c`] and of the HAMi vGPU monitor
/// [Project-HAMi/HAMi `cmd/vGPUmonitor/feedback.go`], as summarised in DESIGN §5.
public struct UserModeParameters: Sendable, Hashable, Codable {
    /// How the utilization switch is decided (`GPU_CORE_UTILIZATION_POLICY`).
    public enum Policy: String, Sendable, Hashable, Codable, CaseIterable {
        /// Limits apply only while another container shares the GPU (the monitor's `CheckPriority`).
        case `default`
        /// Limits always apply (`GPU_CORE_UTILIZATION_POLICY=force`).
        case force
        /// Limits never apply (`GPU_CORE_UTILIZATION_POLICY=disable`).
        case disable
    }

    /// How the watcher's correction step scales with the SM count.
    public enum StepScaling: String, Sendable, Hashable, Codable, CaseIterable {
        /// `SM² · maxThreads · diff / 2560` — HAMi-core main (the behaviour DESIGN §5 asks to reproduce).
        case quadratic
        /// `SM · maxThreads · diff / 2560` — the fix proposed in HAMi-core PR #317 (issue #314).
        case linear
    }

    /// Streaming multiprocessors of the device (`CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT`).
    public var smCount: Int64
    /// Maximum resident threads per SM (`CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_MULTIPROCESSOR`).
    public var maxThreadsPerSM: Int64
    /// Multiplier of the token pool (`FACTOR`, 32): pool = SMs × maxThreadsPerSM × factor.
    public var poolFactor: Int64 = 32
    /// Sleep of a launch that finds the pool negative before it re-reads it (`g_cycle`, `TIME_TICK` = 10 ms).
    public var throttleSleepNs: Int64 = 10_000_000
    /// Period of the utilization watcher thread (`g_wait`, 120 ms).
    public var watcherPeriodNs: Int64 = 120_000_000
    /// Window over which the watcher reads the container's SM utilization (NVML samples since now − 1 s).
    public var utilizationWindowNs: Int64 = 1_000_000_000
    /// Floor of the utilization difference in the correction step (`abs(limit − util) < 5 ? 5 : …`).
    public var minimumDiff: Int64 = 5
    /// Divisor of the correction step (2560).
    public var stepDivisor: Int64 = 2560
    /// Scaling of the correction step with the SM count.
    public var stepScaling: StepScaling = .quadratic
    /// Period of the HAMi monitor's priority and sharing detection (`watchAndFeedback` ticker, 5 s).
    public var detectionPeriodNs: Int64 = 5_000_000_000
    /// Sleep of a launch gated by higher-priority activity before it checks again (`sleep(1)`).
    public var gateSleepNs: Int64 = 1_000_000_000
    /// The utilization policy.
    public var policy: Policy = .default
    /// Value of the shared region's utilization switch before the monitor's first pass (HAMi-core sets 1).
    public var initialUtilizationSwitch: Bool = true
    /// Value of the shared region's `recent_kernel` before the first launch (HAMi-core sets 2).
    public var initialRecentKernel: Int32 = 2
    /// Value of the per-process token pool at start (`g_cur_cuda_cores` is a zero-initialised static).
    public var initialTokens: Int64 = 0
    /// Whether the launch hook reads a copy of the utilization switch that the watcher refreshes on
    /// every pass (HAMi-core 8f3a89c `cached_util_switch`: a zero static until the watcher's first
    /// pass, `g_wait` = 120 ms after the process starts, so the first 120 ms run unthrottled). The
    /// engine keeps the classic hook order (gate, mark, then the switch; 8f3a89c checks the cached
    /// switch first, which would stop a switched-off container from ever marking itself active for
    /// the monitor). false: the hook reads the shared region's switch live (older HAMi-core).
    public var switchCachedByWatcher: Bool = true
    /// Period of NVML's per-process utilization samples, which the watcher reads
    /// (`nvmlDeviceGetProcessUtilization`; 200 ms measured on an H200, driver 580.159.04,
    /// `calibration/hami/hami-h200-run2-nvml.jsonl`); see ``ColoModel/UtilizationReport``.
    /// 0: the watcher reads the exact SM share instead (the engine's earlier model).
    public var nvmlSamplePeriodNs: Int64 = 200_000_000
    /// Phase of NVML's sample clock: samples at `phase + k · period` from the run start. On a real
    /// GPU it is arbitrary and differs from run to run (the watcher's 120 ms clock starts with the
    /// process, the driver's 200 ms clock does not); `colosim calibrate replay` averages over five
    /// phases.
    public var nvmlSamplePhaseNs: Int64 = 0
    /// Jitter of NVML's sample clock: each tick moves by a uniform draw in ±this (run 2: 298 sample
    /// intervals of 200.0 ms, SD 1.03 ms, 196.5–204.4 ms; ±1.25 ms uniform per tick gives an interval
    /// SD of 1.02 ms). Without it, a 200 ms clock and a 2 ms timeslice lock in phase and one process
    /// is named in every sample.
    public var nvmlSampleJitterNs: Int64 = 1_250_000
    /// Processes that start within this time of each other share one host pid (HAMi-core
    /// `set_task_pid`, utils.c: the host pid is the process that appears in NVML's running-process
    /// list between a snapshot before and one after the process creates its primary context; two
    /// processes that create contexts at the same time can both take the same new pid). Every
    /// watcher then reads the utilization of that one process. Measured (run 2): pairs started
    /// together shared a pid 6 times out of 6, an LS process started 1 s after a BE process found
    /// its own. The real winner is a race (the first-started container in 3 of 6); the model takes
    /// the earliest-attached container (slot order on ties). The window is not measured (L); 0
    /// disables the race.
    public var hostPidRaceWindowNs: Int64 = 500_000_000
    /// Device memory HAMi-core counts for the process's CUDA context from its start (`context_size`
    /// = NVML `usedGpuMemory` after `cuDevicePrimaryCtxRetain`, added by `add_gpu_device_memory_usage`
    /// in `cuda/context.c`; the allocator's `oom_check` compares usage + request with the limit).
    /// 518 MiB measured on an H200 (run 1 `mem`: under a 1024 MiB limit, 256 MiB allocated and
    /// `cudaMemGetInfo` reports 250 MiB free); other GPUs not measured, the same default applies.
    public var contextMemoryBytes: Int64 = 518 << 20

    /// Parameters for a device of `smCount` SMs and `maxThreadsPerSM` threads per SM, other constants default.
    public init(smCount: Int64, maxThreadsPerSM: Int64) {
        self.smCount = smCount
        self.maxThreadsPerSM = maxThreadsPerSM
    }

    /// The token pool size `g_total_cuda_cores` = SMs × maxThreadsPerSM × factor (HAMi-core `setspec`).
    public var poolSize: Int64 { smCount * maxThreadsPerSM * poolFactor }

    /// Problems with these parameters, as (field, message) pairs; empty when valid.
    public var problems: [(field: String, message: String)] {
        var p: [(String, String)] = []
        if smCount <= 0 { p.append(("sm_count", "must be > 0, got \(smCount)")) }
        if maxThreadsPerSM <= 0 { p.append(("max_threads_per_sm", "must be > 0, got \(maxThreadsPerSM)")) }
        if poolFactor <= 0 { p.append(("pool_factor", "must be > 0, got \(poolFactor)")) }
        if throttleSleepNs <= 0 { p.append(("throttle_sleep_ms", "must be > 0")) }
        if watcherPeriodNs <= 0 { p.append(("watcher_period_ms", "must be > 0")) }
        if utilizationWindowNs <= 0 { p.append(("utilization_window_ms", "must be > 0")) }
        if minimumDiff < 0 { p.append(("minimum_diff", "must be ≥ 0, got \(minimumDiff)")) }
        if stepDivisor <= 0 { p.append(("step_divisor", "must be > 0, got \(stepDivisor)")) }
        if detectionPeriodNs <= 0 { p.append(("detection_period_ms", "must be > 0")) }
        if gateSleepNs <= 0 { p.append(("gate_sleep_ms", "must be > 0")) }
        if nvmlSamplePeriodNs < 0 { p.append(("nvml_sample_period_ms", "must be ≥ 0")) }
        if nvmlSamplePhaseNs < 0 { p.append(("nvml_sample_phase_ms", "must be ≥ 0")) }
        if nvmlSampleJitterNs < 0 || (nvmlSamplePeriodNs > 0 && 2 * nvmlSampleJitterNs >= nvmlSamplePeriodNs) {
            p.append(("nvml_sample_jitter_ms", "must be in [0, period / 2)"))
        }
        if hostPidRaceWindowNs < 0 { p.append(("host_pid_race_window_ms", "must be ≥ 0")) }
        if contextMemoryBytes < 0 { p.append(("context_memory_mib", "must be ≥ 0")) }
        return p
    }
}
