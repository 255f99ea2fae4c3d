import ColoModel
import SimEngine

/// The user-mode isolation engine (HAMi-core style) as a ``LaunchGate``.
///
/// Wraps a ``UserModeEngine``: containers get slots as they attach (latency-sensitive → HAMi priority 0,
/// best-effort → 1; the limit in percent → `CUDA_DEVICE_SM_LIMIT`), each launch is passed through the
/// hook (its resume point after a sleep is remembered per launch), watcher timers ask the simulator for
/// the container's SM utilization over ``UserModeParameters/utilizationWindowNs`` and convert it to an
/// integer percent as NVML reports it (NVML's per-process samples, ``ColoModel/UtilizationReport``; a
/// container that shares another's host pid reads that one's value). Memory quotas are applied by the device from
/// ``ContainerSpec/memoryQuotaBytes``; render and codec work never reaches the gate.
public struct HAMiLaunchGate: LaunchGate {
    /// The wrapped engine.
    public private(set) var engine: UserModeEngine
    /// Slot of each attached container.
    public private(set) var slots: [ContainerID: Int] = [:]
    /// Container of each slot.
    public private(set) var ids: [ContainerID] = []
    /// The host pid each listed container's watcher reads, given by the caller
    /// (``ColoModel/ContainerSpec/hostPidOf``); it overrides the engine's race for those containers.
    public private(set) var hostPidOf: [ContainerID: ContainerID]
    private var resume: [UInt64: UserModeEngine.Attempt] = [:]

    /// Creates the gate with `parameters` on a device of `deviceMemoryBytes`; the containers listed in
    /// `hostPidOf` read the utilization of the container it names instead of racing for a pid.
    public init(parameters: UserModeParameters, deviceMemoryBytes: Int64,
                hostPidOf: [ContainerID: ContainerID] = [:]) {
        engine = UserModeEngine(parameters: parameters, configs: [], deviceMemoryBytes: deviceMemoryBytes)
        self.hostPidOf = hostPidOf
    }

    /// Handles `event` at `now` (invariants asserted afterwards in debug builds) and returns the actions.
    public mutating func handle(_ event: LaunchGateEvent, now: Instant) -> [LaunchGateAction] {
        let actions = step(event, now: now)
        #if DEBUG
        let v = engine.invariantViolations
        assert(v.isEmpty, "user-mode engine invariants violated after \(event): \(v)")
        #endif
        return actions
    }

    private mutating func step(_ event: LaunchGateEvent, now: Instant) -> [LaunchGateAction] {
        let t = now.nanoseconds
        switch event {
        case .attached(let id, let priority, let limit):
            let s = slot(for: id, priority: priority, limit: limit)
            return engine.attach(container: s, now: t).map(action)
        case .detached(let id):
            if let s = slots[id] { engine.detach(container: s) }
            return []
        case .launchRequested(let r):
            let s = slots[r.container] ?? slot(for: r.container, priority: r.priority, limit: nil)
            let attempt = resume[r.launchID] ?? .fresh
            switch engine.requestLaunch(container: s, blocks: Int64(r.gridBlocks), attempt: attempt, now: t) {
            case .admit:
                resume[r.launchID] = nil
                return [.admit(launch: r.launchID)]
            case .retry(let at, let next):
                resume[r.launchID] = next
                return [.retry(launch: r.launchID, at: Instant(nanoseconds: at))]
            }
        case .launchCompleted:
            return []
        case .timer(let token, let util):
            if token & 1 == 1 { return [action(engine.monitorTick(now: t))] }
            let s = Int(token >> 1)
            guard ids.indices.contains(s) else { return [] }
            // The watcher reads NVML for its host pid, which may be another container's process (or
            // one that is gone: no samples, 0).
            let watched = engine.states[s].watchedSlot
            let pid = hostPidOf[ids[s]] ?? ids[ids.indices.contains(watched) ? watched : s]
            let percent = util[pid].map { Int64(($0 * 100).rounded()) }
            guard let next = engine.watcherTick(container: s, utilization: percent ?? 0, now: t) else { return [] }
            // The pass's outcome, for timelines: what it read, the share it set and the pool after it.
            let st = engine.states[s]
            return [action(next), .counter(container: ids[s], name: "utilization", value: Double(st.lastUtilization)),
                    .counter(container: ids[s], name: "share", value: Double(st.share)),
                    .counter(container: ids[s], name: "tokens", value: Double(st.tokens))]
        }
    }

    /// NVML's per-process samples (``UserModeParameters/nvmlSamplePeriodNs``), or exact SM shares when 0.
    public var utilizationReport: UtilizationReport {
        let p = engine.parameters.nvmlSamplePeriodNs
        return p > 0 ? .nvmlProcessSamples(period: SimDuration(nanoseconds: p),
                                           phase: SimDuration(nanoseconds: engine.parameters.nvmlSamplePhaseNs),
                                           jitter: SimDuration(nanoseconds: engine.parameters.nvmlSampleJitterNs)) : .exact
    }

    /// The context memory HAMi-core counts per process (``UserModeParameters/contextMemoryBytes``).
    public var contextMemoryBytes: Int64 { engine.parameters.contextMemoryBytes }

    private mutating func slot(for id: ContainerID, priority: PriorityClass, limit: Double?) -> Int {
        if let s = slots[id] { return s }
        let limitPercent = limit.map { Int64($0.rounded()) } ?? 0
        let s = engine.register(.init(limit: limitPercent, priority: priority == .latencySensitive ? 0 : 1))
        slots[id] = s
        ids.append(id)
        return s
    }

    private func action(_ timer: UserModeEngine.Timer) -> LaunchGateAction {
        switch timer {
        case .watcher(let c, let at):
            return .setTimer(at: Instant(nanoseconds: at), token: UInt64(c) << 1,
                             utilizationWindow: SimDuration(nanoseconds: engine.parameters.utilizationWindowNs))
        case .monitor(let at):
            return .setTimer(at: Instant(nanoseconds: at), token: 1, utilizationWindow: nil)
        }
    }
}
