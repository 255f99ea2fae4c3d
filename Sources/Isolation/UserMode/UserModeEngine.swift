/// The user-mode isolation engine (HAMi-core style) for one GPU, as a pure state machine.
///
/// One engine holds the per-container state that HAMi-core keeps per process and per shared region
/// (token pool, refill share, `recent_kernel`, utilization switch, memory usage) and the cross-container
/// pass of the HAMi vGPU monitor (`Observe`). It reads no clock: every input carries `now` (ns), and
/// timers come back as ``Timer`` values for the caller to schedule.
///
/// Faithful to [HAMi-core `multiprocess_utilization_watcher.c`]:
/// - `rate_limiter`: a launch first waits while `recent_kernel < 0` (sleeping ``UserModeParameters/gateSleepNs``),
///   sets `recent_kernel = 2`, returns at once when the limit is 0 or ≥ 100 or the switch is off, otherwise
///   sleeps ``UserModeParameters/throttleSleepNs`` while the pool is negative and then takes `grid blocks`
///   tokens (the pool may go negative by one launch);
/// - `utilization_watcher`: every 120 ms, if `share == pool && tokens < 0` the pool doubles; then
///   `share = delta(limit, util, share)` and `tokens = min(pool, tokens + share)`;
/// - the monitor [HAMi `cmd/vGPUmonitor/feedback.go` `Observe`], every detection period: containers with
///   `recent_kernel > 0` decrement it and count as active if it stays > 0; a container is blocked
///   (`recent_kernel = −1`) while a higher-priority one is active, unblocked (`0`) otherwise; its
///   utilization switch is on while a higher-priority container or another of its priority is active.
///
/// The launch-hook order is HAMi-core's classic one (gate, mark, then limit checks); the limit check
/// reads the switch as the last watcher pass cached it (8f3a89c `cached_util_switch`: off until the
/// first pass, so a process runs unthrottled for its first 120 ms); a container whose process starts together with another's may
/// read that one's utilization (the host-pid race of `set_task_pid`); the memory quota counts the
/// process's context. Render and codec work never passes through the engine (unisolated, DESIGN §5).
public struct UserModeEngine: Sendable {
    /// Static configuration of one container.
    public struct ContainerConfig: Sendable, Hashable, Codable {
        /// SM limit in percent (`CUDA_DEVICE_SM_LIMIT`); 0 or ≥ 100 means unlimited.
        public var limit: Int64
        /// HAMi task priority (`CUDA_TASK_PRIORITY`): 0 high, 1 low (HAMi-core's default is 1).
        public var priority: Int
        /// Device-memory quota in bytes (`CUDA_DEVICE_MEMORY_LIMIT`); nil means the whole device.
        public var memoryQuotaBytes: Int64?

        /// Creates a container configuration.
        public init(limit: Int64, priority: Int = 1, memoryQuotaBytes: Int64? = nil) {
            self.limit = limit
            self.priority = priority
            self.memoryQuotaBytes = memoryQuotaBytes
        }

        /// Whether the limiter applies at all (`0 < limit < 100`).
        public var isLimited: Bool { limit > 0 && limit < 100 }
    }

    /// Dynamic state of one container.
    public struct ContainerState: Sendable, Hashable {
        /// Token pool `g_cur_cuda_cores`.
        public var tokens: Int64
        /// Pool capacity `g_total_cuda_cores` (doubles when the share saturates and the pool is negative).
        public var capacity: Int64
        /// Refill share added every watcher pass.
        public var share: Int64 = 0
        /// Shared-region `recent_kernel` (2 after a launch, decremented by the monitor, −1 when blocked).
        public var recentKernel: Int32
        /// Shared-region utilization switch.
        public var utilizationSwitch: Bool
        /// Whether the container's process runs (attached) on this GPU.
        public var attached = false
        /// Device memory allocated through the hook, in bytes.
        public var memoryUsedBytes: Int64 = 0
        /// Tokens the pool started with (conservation ledger).
        public var tokensInitial: Int64
        /// Tokens actually added by watcher passes (after the cap).
        public var tokensAdded: Int64 = 0
        /// Tokens taken by admitted limited launches.
        public var tokensSpent: Int64 = 0
        /// Largest single launch cost charged so far.
        public var largestCost: Int64 = 0
        /// Launches admitted.
        public var launchesAdmitted: Int64 = 0
        /// Launch attempts told to sleep because the pool was negative.
        public var throttleSleeps: Int64 = 0
        /// Launch attempts told to sleep because a higher-priority container was active.
        public var gateSleeps: Int64 = 0
        /// Utilization the last watcher pass read, in percent (−1 before the first pass).
        public var lastUtilization: Int64 = -1
        /// When the process attached (ns).
        public var attachedAtNs: Int64 = 0
        /// The slot whose process's NVML utilization this container's watcher reads (its own unless
        /// it shares a host pid, ``UserModeParameters/hostPidRaceWindowNs``).
        public var watchedSlot: Int = 0
        /// The hook's copy of the utilization switch, refreshed by every watcher pass (false before
        /// the first pass; ``UserModeParameters/switchCachedByWatcher``).
        public var cachedSwitch = false
        /// Launches admitted without the pool because the hook's cached switch was off while the live
        /// switch was on (before the first watcher pass).
        public var uncachedPasses: Int64 = 0
        /// Memory counted for the process's context (``UserModeParameters/contextMemoryBytes``).
        public var contextMemoryBytes: Int64 = 0
    }

    /// Where a launch attempt resumes in the launch hook.
    public enum Attempt: String, Sendable, Hashable, Codable {
        /// A new launch: passes the priority gate first.
        case fresh
        /// A launch woken from the 1 s gate sleep: checks the gate again.
        case afterGate
        /// A launch woken from the 10 ms throttle sleep: re-reads the pool only (`goto CHECK`).
        case afterThrottle
    }

    /// The engine's answer to a launch attempt.
    public enum LaunchDecision: Sendable, Hashable {
        /// The launch goes to the device now.
        case admit
        /// The launching thread sleeps and tries again at `atNs`, resuming at `attempt`.
        case retry(atNs: Int64, attempt: Attempt)
    }

    /// A timer the caller must schedule and deliver back.
    public enum Timer: Sendable, Hashable {
        /// The container's utilization watcher runs at `atNs` (deliver ``watcherTick(container:utilization:now:)``).
        case watcher(container: Int, atNs: Int64)
        /// The monitor's detection pass runs at `atNs` (deliver ``monitorTick(now:)``).
        case monitor(atNs: Int64)
    }

    /// The parameters.
    public let parameters: UserModeParameters
    /// The containers' configuration, indexed by container slot.
    public private(set) var configs: [ContainerConfig] = []
    /// The containers' state, indexed by container slot.
    public private(set) var states: [ContainerState]
    /// Device memory capacity in bytes.
    public let deviceMemoryBytes: Int64
    private var monitorStarted = false
    private let initialSwitch: Bool

    /// Creates an engine for `configs` on a device with `deviceMemoryBytes` of memory.
    public init(parameters: UserModeParameters, configs: [ContainerConfig], deviceMemoryBytes: Int64) {
        self.parameters = parameters
        self.deviceMemoryBytes = deviceMemoryBytes
        switch parameters.policy {
        case .force: initialSwitch = true
        case .disable: initialSwitch = false
        case .default: initialSwitch = parameters.initialUtilizationSwitch
        }
        states = []
        for c in configs { _ = register(c) }
    }

    /// Adds a container (not yet attached) and returns its slot.
    public mutating func register(_ config: ContainerConfig) -> Int {
        configs.append(config)
        states.append(ContainerState(tokens: parameters.initialTokens, capacity: parameters.poolSize,
                                     recentKernel: parameters.initialRecentKernel,
                                     utilizationSwitch: initialSwitch, tokensInitial: parameters.initialTokens))
        states[states.count - 1].watchedSlot = states.count - 1
        return configs.count - 1
    }

    /// The container's process starts at `now`; returns the timers to schedule (its watcher, and the
    /// monitor on the first attach).
    public mutating func attach(container c: Int, now: Int64) -> [Timer] {
        guard states.indices.contains(c), !states[c].attached else { return [] }
        states[c].attached = true
        states[c].attachedAtNs = now
        states[c].watchedSlot = hostPidSlot(for: c, now: now)
        states[c].contextMemoryBytes = parameters.contextMemoryBytes
        var timers: [Timer] = []
        // init_utilization_watcher starts the watcher thread only when a limit is set.
        if configs[c].isLimited {
            timers.append(.watcher(container: c, atNs: now + parameters.watcherPeriodNs))
        }
        if !monitorStarted {
            monitorStarted = true
            timers.append(.monitor(atNs: now + parameters.detectionPeriodNs))
        }
        return timers
    }

    /// The container's process exits at `now`: it no longer counts as sharing the GPU.
    public mutating func detach(container c: Int) {
        guard states.indices.contains(c) else { return }
        states[c].attached = false
        states[c].recentKernel = 0
    }

    /// A kernel launch of `blocks` grid blocks from container `c`, at hook stage `attempt`.
    public mutating func requestLaunch(container c: Int, blocks: Int64, attempt: Attempt, now: Int64) -> LaunchDecision {
        guard states.indices.contains(c) else { return .admit }
        if attempt != .afterThrottle {
            if states[c].recentKernel < 0 {
                states[c].gateSleeps += 1
                return .retry(atNs: now + parameters.gateSleepNs, attempt: .afterGate)
            }
            states[c].recentKernel = 2
            if !configs[c].isLimited || !hookSwitch(c) {
                if configs[c].isLimited && switchOn(c) { states[c].uncachedPasses += 1 }
                states[c].launchesAdmitted += 1
                return .admit
            }
        }
        if states[c].tokens < 0 {
            states[c].throttleSleeps += 1
            return .retry(atNs: now + parameters.throttleSleepNs, attempt: .afterThrottle)
        }
        states[c].tokens -= blocks
        states[c].tokensSpent += blocks
        if blocks > states[c].largestCost { states[c].largestCost = blocks }
        states[c].launchesAdmitted += 1
        return .admit
    }

    /// One pass of container `c`'s utilization watcher at `now`, given the container's SM utilization
    /// over the last window in percent (nil when NVML has no sample). Returns the next watcher timer.
    public mutating func watcherTick(container c: Int, utilization: Int64?, now: Int64) -> Timer? {
        guard states.indices.contains(c), states[c].attached, configs[c].isLimited else { return nil }
        var s = states[c]
        s.cachedSwitch = switchOn(c)
        if s.share == s.capacity && s.tokens < 0 {
            s.capacity *= 2
            s.share = s.capacity
        }
        if let util = utilization, util >= 0, util <= 100 {
            s.lastUtilization = util
            s.share = HAMiDelta.share(limit: configs[c].limit, utilization: util, share: s.share,
                                      pool: s.capacity, parameters: parameters)
            let after = min(s.capacity, s.tokens + s.share)
            s.tokensAdded += after - s.tokens
            s.tokens = after
        }
        states[c] = s
        return .watcher(container: c, atNs: now + parameters.watcherPeriodNs)
    }

    /// One pass of the monitor's priority and sharing detection at `now`. Returns the next monitor timer.
    public mutating func monitorTick(now: Int64) -> Timer {
        // Active containers per priority level (HAMi keeps two levels; more are allowed here).
        let levels = (configs.map(\.priority).max() ?? 1) + 1
        var active = [Int](repeating: 0, count: max(levels, 2))
        for c in states.indices where states[c].attached && states[c].recentKernel > 0 {
            states[c].recentKernel -= 1
            if states[c].recentKernel > 0 { active[configs[c].priority] += 1 }
        }
        for c in states.indices where states[c].attached {
            let p = configs[c].priority
            let higherActive = active[0..<p].contains { $0 > 0 }
            if higherActive {
                if states[c].recentKernel >= 0 { states[c].recentKernel = -1 }
            } else if states[c].recentKernel < 0 {
                states[c].recentKernel = 0
            }
            switch parameters.policy {
            case .force: states[c].utilizationSwitch = true
            case .disable: states[c].utilizationSwitch = false
            case .default: states[c].utilizationSwitch = higherActive || active[p] > 1
            }
        }
        return .monitor(atNs: now + parameters.detectionPeriodNs)
    }

    /// A device-memory allocation of `bytes` by container `c`: true when granted, false on OOM
    /// (over the container's quota or the device's capacity).
    public mutating func allocate(container c: Int, bytes: Int64) -> Bool {
        guard states.indices.contains(c), bytes >= 0 else { return false }
        let quota = configs[c].memoryQuotaBytes ?? deviceMemoryBytes
        let deviceUsed = states.reduce(Int64(0)) { $0 + $1.memoryUsedBytes + $1.contextMemoryBytes }
        let mine = states[c].memoryUsedBytes + states[c].contextMemoryBytes
        if mine + bytes > quota || deviceUsed + bytes > deviceMemoryBytes { return false }
        states[c].memoryUsedBytes += bytes
        return true
    }

    /// Container `c` frees `bytes` of device memory.
    public mutating func free(container c: Int, bytes: Int64) {
        guard states.indices.contains(c) else { return }
        states[c].memoryUsedBytes = max(0, states[c].memoryUsedBytes - bytes)
    }

    /// The slot whose host pid container `c` takes when its process starts at `now`: the
    /// earliest-attached other process that started within ``UserModeParameters/hostPidRaceWindowNs``
    /// before it (that one's own mapping), else `c` itself (``hostPidOwner(startingAt:earlier:window:)``).
    func hostPidSlot(for c: Int, now: Int64) -> Int {
        let earlier = states.indices.filter { $0 != c && states[$0].attached }
            .map { (startedAtNs: states[$0].attachedAtNs, reads: states[$0].watchedSlot) }
        return Self.hostPidOwner(startingAt: now, earlier: earlier, window: parameters.hostPidRaceWindowNs) ?? c
    }

    /// The host-pid race of HAMi-core's `set_task_pid` as a rule: a process starting at `now` takes
    /// the pid that the earliest of the `earlier` processes (running, in start order; ties: the first
    /// listed) reads, among those that started less than `window` ns before it; nil when none did (it
    /// finds its own pid). The engine applies it at every attach; cluster runs apply it when pods
    /// start on a GPU (``UserModeParameters/hostPidRaceWindowNs``). O(earlier).
    public static func hostPidOwner<S: Sequence>(startingAt now: Int64, earlier: S,
                                                 window: Int64) -> Int? where S.Element == (startedAtNs: Int64, reads: Int) {
        guard window > 0 else { return nil }
        var best: (startedAtNs: Int64, reads: Int)?
        for o in earlier where now - o.startedAtNs < window {
            if let b = best, b.startedAtNs <= o.startedAtNs { continue }
            best = o
        }
        return best?.reads
    }

    /// The switch as the launch hook sees it: the copy of the last watcher pass (false before the
    /// first) when ``UserModeParameters/switchCachedByWatcher``, else the live switch.
    public func hookSwitch(_ c: Int) -> Bool {
        parameters.switchCachedByWatcher ? states[c].cachedSwitch : switchOn(c)
    }

    /// Whether limits currently apply to container `c` (its utilization switch, after the policy).
    public func switchOn(_ c: Int) -> Bool {
        switch parameters.policy {
        case .force: return true
        case .disable: return false
        case .default: return states[c].utilizationSwitch
        }
    }
}
