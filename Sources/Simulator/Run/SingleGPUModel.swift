import ColoModel
import GPUDevice
import Metrics
import SimEngine
import Workload

/// The single-GPU simulation: drives a ``SimulatedGPU``, one ``ContextScheduler`` per domain and a
/// ``LaunchGate`` from a SimEngine event queue, with the workloads of every container.
struct SingleGPUModel {
    let config: SimulationConfig
    var sim = Simulation<Instant, SimEvent>(capacity: 1024)
    var device: SimulatedGPU
    var schedulers: [SliceDomain: any ContextScheduler]
    var gate: any LaunchGate
    var workloads: [WorkloadState] = []
    var launches: [UInt64: LaunchRecord] = [:]
    var requests: [UInt64: RequestRecord] = [:]
    var nextLaunchID: UInt64 = 1
    var nextRequestID: UInt64 = 1
    var deviceEvent: EventID?
    var deviceEventTime: Instant?
    var schedulerTimers: [SliceDomain: [UInt64: EventID]] = [:]
    /// On-device items per (domain, context): busy when > 0.
    var busyCount: [SliceDomain: [ContainerID: Int]] = [:]
    var contextOf: [ContainerID: ContainerID] = [:]
    var containerIndex: [ContainerID: Int] = [:]
    var digest = FNV1a64()
    var ended = false
    /// Set when the run stopped at ``SimulationConfig/eventBudget`` before its end.
    var budgetExhausted = false
    var draining = false
    /// The measurement at the end of the configured duration (when ``SimulationConfig/snapshotAtDuration``).
    var durationSnapshot: DurationSnapshot?
    /// The measurement when the warm-up ended (``SimulationConfig/measureFrom``; nil: no warm-up).
    var measureStartSnapshot: DurationSnapshot?
    var violations: [String] = []
    // Share windows.
    var windowStart: Instant = .zero
    var windowUsage: [ContainerID: EngineUsage] = [:]
    var windowDemand: [ContainerID: Set<SliceDomain>] = [:]
    /// On-device items per container and domain.
    var onDevice: [ContainerID: [SliceDomain: Int]] = [:]
    var windows: [ShareWindow] = []
    // Utilization samples for gate windows.
    var samplingStarted = false
    /// Each sample holds the containers' usage in ``SimulationConfig/containers`` order.
    var samples: [(time: Instant, usage: [EngineUsage])] = []
    var oomEvents: [OOMEvent] = []
    var oomCount: [ContainerID: Int] = [:]
    /// NVML-style per-process samples, when the gate reads them (``UtilizationReport/nvmlProcessSamples(period:)``).
    var nvml: NVMLProcessSampler?
    /// The NVML sample clock: nominal start, period, jitter, ticks so far and its own random stream.
    var nvmlClock: (start: Instant, period: SimDuration, jitter: SimDuration, ticks: Int64, rng: SplitMix64)?
    /// The opt-in timeline recorder (nil unless ``SimulationConfig/timelineWindow`` is set).
    var timeline: TimelineRecorder?

    static let utilSamplePeriod = SimDuration.milliseconds(10)

    init(config: SimulationConfig) {
        self.config = config
        device = SimulatedGPU(profile: config.profile)
        schedulers = [.graphics: config.graphicsScheduler, .nvenc: config.nvencScheduler,
                      .nvdec: config.nvdecScheduler]
        gate = config.launchGate
        timeline = config.timelineWindow.map { TimelineRecorder(window: $0) }
        for (i, c) in config.containers.enumerated() {
            containerIndex[c.id] = i
            contextOf[c.id] = c.id
        }
        for group in config.sharedContexts {
            guard let rep = group.first else { continue }
            for c in group { contextOf[c] = rep }
        }
        var stream: UInt64 = 1
        for c in config.containers {
            for w in c.workloads {
                var arrivals: ArrivalStream?
                switch w.kind {
                case .kernels(let k): arrivals = ArrivalStream(spec: k.arrival, seed: config.seed, stream: UInt64(workloads.count))
                case .inference(let s): arrivals = ArrivalStream(spec: s.arrival, seed: config.seed, stream: UInt64(workloads.count))
                default: arrivals = nil
                }
                let stopAt = Instant.zero + min(w.stop ?? config.duration, config.duration)
                let (recorder, histogram) = WorkloadState.freshLatencies(for: w, recordingBuckets: config.recordLatencyBuckets)
                workloads.append(WorkloadState(
                    spec: w, container: c.id, context: contextOf[c.id] ?? c.id, priority: w.priority ?? c.priority,
                    stream: stream, arrivals: arrivals, stopAt: stopAt, startAt: .zero + w.start,
                    recorder: recorder, histogram: histogram))
                stream += 1
            }
        }
    }

    mutating func run() -> SimulationResult {
        start()
        let end = Instant.zero + config.duration
        let hardEnd = end + config.drainLimit
        var lastTime = Instant.zero
        while let next = sim.nextEvent(before: nil) {
            if next.time > hardEnd { break }
            if sim.eventsProcessed > config.eventBudget {
                budgetExhausted = true
                break
            }
            if next.time < lastTime { violations.append("time went backwards at \(next.time)") }
            lastTime = next.time
            digest.combine(next.time.nanoseconds)
            digest.combine(next.event.tag)
            device.advance(to: next.time)
            handle(next.event)
            settleDevice()
            if config.checkInvariants { checkInvariants() }
            if ended && (!draining || isDrained) { break }
        }
        let stopTime = max(sim.now, end)
        device.advance(to: min(stopTime, hardEnd))
        timeline?.finish(at: min(stopTime, hardEnd))
        var result = makeResult(endTime: min(stopTime, hardEnd))
        if let timeline {
            result.timeline = timeline.events
            result.timelineDropped = timeline.dropped
        }
        result.atDuration = durationSnapshot
        return result
    }

    var isDrained: Bool {
        workloads.allSatisfy { $0.outstanding == 0 }
    }

    mutating func start() {
        let ids = Array(Set(contextOf.values)).sorted()
        for domain in SliceDomain.allCases {
            busyCount[domain] = [:]
            for rep in ids {
                let spec = config.containers[containerIndex[rep] ?? 0]
                apply(domain, schedulers[domain]?.handle(
                    .attached(rep, priority: spec.priority, weight: spec.weight), now: .zero) ?? [])
                device.contextWeights[rep] = spec.weight
            }
        }
        for (i, c) in config.containers.enumerated() {
            device.memory.setQuota(c.memoryQuotaBytes, for: c.id)
            // The process attaches to the gate when it starts (by default its first workload):
            // HAMi-core's watcher thread starts at the process's CUDA initialisation.
            let processStart = c.effectiveProcessStart
            if processStart <= .zero {
                attachGate(i)
            } else {
                sim.schedule(.attachGate(i), at: .zero + processStart, priority: -2)
            }
        }
        if case .nvmlProcessSamples(let period, let phase, let jitter) = gate.utilizationReport, period > .zero {
            nvml = NVMLProcessSampler(period: period)
            let offset = SimDuration(nanoseconds: max(0, phase.nanoseconds) % period.nanoseconds)
            let j = SimDuration(nanoseconds: min(max(0, jitter.nanoseconds), period.nanoseconds / 2 - 1))
            nvmlClock = (.zero + offset, period, j, 0, SplitMix64(seed: config.seed, stream: Self.nvmlClockStream))
            scheduleNVMLSample()
        }
        for w in workloads.indices {
            sim.schedule(.start(w), at: workloads[w].startAt)
        }
        sim.schedule(.endOfRun, at: .zero + config.duration, priority: 10)
        if config.measureFrom > .zero {
            sim.schedule(.measureStart, at: .zero + config.measureFrom, priority: 10)
        }
        sim.schedule(.windowEnd, at: .zero + config.shareWindow, priority: 5)
        settleDevice()
    }

    mutating func handle(_ event: SimEvent) {
        switch event {
        case .device:
            deviceEvent = nil
            deviceEventTime = nil
        case .start(let w): startWorkload(w)
        case .stop(let w): workloads[w].active = false
        case .arrival(let w): arrival(w)
        case .reachDevice(let id): reachDevice(id)
        case .seen(let id): seen(id)
        case .schedulerTimer(let d, let token):
            schedulerTimers[d]?[token] = nil
            apply(d, schedulers[d]?.handle(.timer(token: token), now: sim.now) ?? [])
        case .gateTimer(let token, let window):
            let util = window.map { nvml != nil ? nvmlUtilization(over: $0) : utilization(over: $0) } ?? [:]
            applyGate(gate.handle(.timer(token: token, smUtilization: util), now: sim.now))
        case .gateRetry(let id): retryLaunch(id)
        case .batchTimeout(let w, let gen):
            if workloads[w].batchGeneration == gen { tryBatch(w) }
        case .tick(let w): tick(w)
        case .allocate(let w): allocate(w)
        case .free(let w, let bytes): device.memory.free(bytes, of: workloads[w].container)
        case .windowEnd: closeWindow()
        case .utilSample: takeSample()
        case .attachGate(let i): attachGate(i)
        case .measureStart: startMeasurement()
        case .nvmlSample:
            nvml?.sample(device, contextOf: contextOf)
            if !ended || draining { scheduleNVMLSample() }
        case .endOfRun:
            ended = true
            if config.snapshotAtDuration {
                durationSnapshot = measureStartSnapshot.map { snapshotNow().since($0) } ?? snapshotNow()
            }
            draining = config.drainLimit > .zero
            for w in workloads.indices { workloads[w].active = false }
        }
    }

    /// Removes finished work, reacts to completions and re-arms the device event.
    mutating func settleDevice() {
        while true {
            let done = device.settle()
            if done.isEmpty { break }
            for c in done { completed(c) }
        }
        let next = device.nextEventTime
        if next != deviceEventTime {
            if let id = deviceEvent { sim.cancel(id) }
            deviceEvent = next.map { sim.schedule(.device, at: $0, priority: -1) }
            deviceEventTime = next
        }
    }

    /// Container `i`'s process starts: it attaches to the gate, and the memory the gate counts for
    /// its context (``LaunchGate/contextMemoryBytes``) is held on the device for it.
    mutating func attachGate(_ i: Int) {
        let c = config.containers[i]
        let context = gate.contextMemoryBytes
        if context > 0 {
            let req = MemoryRequest(container: c.id, bytes: context)
            let decision = device.memory.allocate(req)
            if !decision.isGranted {
                oomEvents.append(OOMEvent(time: sim.now, request: req, decision: decision))
                oomCount[c.id, default: 0] += 1
            }
        }
        applyGate(gate.handle(.attached(c.id, priority: c.priority, limitPercent: c.limitPercent), now: sim.now))
    }

    /// Random stream of the NVML sample clock's jitter (apart from the workloads' streams 0, 1, …).
    static let nvmlClockStream: UInt64 = 0x4E56_4D4C

    /// Schedules the NVML sample clock's next tick: nominal `start + k · period`, moved by a uniform
    /// draw in [−jitter, +jitter].
    mutating func scheduleNVMLSample() {
        guard var c = nvmlClock else { return }
        c.ticks += 1
        let nominal = c.start.nanoseconds + c.ticks * c.period.nanoseconds
        let j = c.jitter.nanoseconds
        let shift = j > 0 ? Int64((c.rng.uniform() * 2 - 1) * Double(j)) : 0
        nvmlClock = c
        sim.schedule(.nvmlSample, at: Instant(nanoseconds: max(sim.now.nanoseconds, nominal + shift)), priority: 1)
    }

    /// NVML's per-process utilization over `window` for every container (its context's value; 0
    /// when NVML lists no entry for it).
    func nvmlUtilization(over window: SimDuration) -> [ContainerID: Double] {
        let perContext = nvml?.utilization(at: sim.now, window: window) ?? [:]
        var out: [ContainerID: Double] = [:]
        for c in config.containers { out[c.id] = perContext[contextOf[c.id] ?? c.id] ?? 0 }
        return out
    }

    mutating func checkInvariants() {
        let v = device.invariantViolations()
        if !v.isEmpty && violations.count < 20 { violations += v.map { "\(sim.now): \($0)" } }
    }
}
