import ColoModel
import Scheduling
import SimEngine
import Workload

/// The state of one cluster run and its event handling (see ``ClusterSimulation``).
///
/// Every step the cluster's scheduler has placed pods on GPUs; each GPU with pods is a
/// ``NodeColocationState`` (device, engine, pods with this step's load) that the node model
/// evaluates (``ClusterFidelity``); the responses advance BE jobs and feed the run's latency
/// histograms (true mixtures), utilization and series.
struct ClusterModel {
    let config: ClusterSimulationConfig
    let colocation: ColocationConfig
    let isolation: IsolationSpec
    var scheduler: ColocationScheduler
    var replicas: [ClusterReplica] = []
    var jobs: [ClusterJobState] = []
    var podsOnGPU: [[Int]]
    /// When each pod's process last started on its GPU (bind time), seconds; none for pods placed at
    /// time 0 (``started(pod:on:at:)``).
    var podStartedAt: [Int: Double] = [:]
    /// Per pod that lost the user-mode host-pid race, the pod whose pid it took (``started(pod:on:at:)``).
    var hostPidOwner: [Int: Int] = [:]
    var histograms: [LatencyHistogram]
    var offered: [Double]
    var served: [Double]
    var within: [Double]
    var unserved: [Double]
    var replicaSeconds: [Double]
    var replicaPeak: [Int]
    var worstWindowP99: [Double]
    var digest = FNV1a64()
    var usedSeconds = 0.0
    var usedPeak = 0
    /// Per GPU, whether it ever held a pod.
    var everUsed: [Bool]
    var dutyOnUsed = 0.0
    var smOnUsed = 0.0
    var allocated = 0.0
    var reclaims = 0
    var steps = 0
    var contextSwitches = 0.0
    var evaluated = 0
    /// `response`: the key contexts of the devices and engines seen (``responseContext(of:)``); one
    /// per device in a run, a few when its nodes differ.
    var contexts: [(profile: DeviceProfile, isolation: IsolationSpec, context: NodeColocationState.Context)] = []
    var lookups = 0
    var hits = 0
    /// `response`: per GPU, its last quantised state with that state's cache key, canonical order and
    /// seed, so a GPU whose state has not changed since its last step is not keyed again (the key
    /// text is most of a warm step). Same keys as keying afresh, so the same run.
    var lastKeyed: [KeyedState?]
    /// `response`: the key texts of the pods met so far (``podKeys(_:)``), at most ``podKeyTextLimit``.
    var podKeyTexts: [NodePod: String] = [:]
    /// Bound of ``podKeyTexts`` (emptied when reached, so memory stays bounded on any run).
    static let podKeyTextLimit = 100_000
    var nodeEvents: UInt64 = 0
    /// Jobs whose instance finished in the step just run and that are submitted again (``ClusterJobConfig/resubmit``).
    var resubmits: [Int] = []
    /// Churn: ids of retired replicas, reused by later replacements so the replica table stays the
    /// size of the live population.
    var freeReplicaIDs: [Int] = []
    let cache: ResponseCache
    /// Explained runs: the decisions kept (the first `config.explain` of each kind) and all counted.
    var decisions: [ClusterDecision] = []
    var decisionCounts: [ColocationDecisionKind: Int] = [:]
    /// Explained runs: (GPU, BE pod) pairs preempted in the previous step (preemption episodes).
    var preempting: Set<Int> = []
    /// Utilization series buckets (GPU-seconds used, duty-seconds, seconds), a fixed number over the run.
    var seriesBuckets = [(used: Double, duty: Double, span: Double)](repeating: (0, 0, 0), count: seriesBucketCount)
    /// Per-GPU duty-seconds per heat-map bucket.
    var heat: [[Double]]
    /// How many points the utilization series has at most.
    static let seriesBucketCount = 240
    /// Columns of the per-GPU heat map.
    static let heatBucketCount = 96
    /// Pod ids: replicas 0..<jobBase, jobs `jobBase + j`.
    let jobBase = 1 << 30

    init(config: ClusterSimulationConfig) {
        self.config = config
        colocation = config.effectiveColocation
        isolation = config.isolation
        var shapes: [Int: Int] = [:]
        for s in config.services { shapes[colocation.milli(.latencySensitive, requested: s.gpuMilli), default: 0] += max(1, s.replicas) }
        for j in config.jobs { shapes[colocation.milli(.bestEffort, requested: j.gpuMilli), default: 0] += 1 }
        let total = Double(max(1, shapes.values.reduce(0, +)))
        let typical = shapes.keys.sorted().map {
            TypicalPod(cpuMilli: 0, gpuMilli: $0 >= GPUShare.milliPerGPU ? 0 : $0, gpuCount: 1, gpuModels: "",
                       popularity: Double(shapes[$0] ?? 0) / total)
        }
        scheduler = config.policy.make(colocation, typicalPods: typical)
        scheduler.explains = config.explain > 0
        podsOnGPU = Array(repeating: [], count: config.gpuCount)
        let n = config.services.count
        histograms = Array(repeating: LatencyHistogram(), count: n)
        offered = Array(repeating: 0, count: n)
        served = offered
        within = offered
        unserved = offered
        replicaSeconds = offered
        worstWindowP99 = offered
        replicaPeak = Array(repeating: 0, count: n)
        heat = Array(repeating: Array(repeating: 0, count: Self.heatBucketCount), count: config.gpuCount)
        lastKeyed = Array(repeating: nil, count: config.gpuCount)
        everUsed = Array(repeating: false, count: config.gpuCount)
        cache = config.responseCache ?? ResponseCache()
    }

    /// A quantised GPU state with its response-cache key, canonical pod order and seed.
    struct KeyedState {
        var state: NodeColocationState
        var key: String
        var order: [Int]
        var seed: UInt64
    }

    // MARK: - run

    mutating func run() throws -> ClusterSimulationResult {
        var sim = Simulation<Double, ClusterEvent>()
        let pinning = config.startFromBindings && !colocation.autoscale
            && (config.services.contains { !$0.pinnedGPUs.isEmpty } || config.jobs.contains { $0.pinnedGPU != nil })
        for (j, job) in config.jobs.enumerated() {
            var s = ClusterJobState(config: job, pod: jobBase + j)
            switch job.kind {
            case .training(let t):
                s.submitTime = t.submitTime
                s.totalWork = RuntimeDraw.runtime(from: job.runtimes, seed: config.seed, job: j, instance: 0)
                    ?? Double(t.iterations) * t.iterationWork
                s.checkpointWork = Double(t.checkpointEvery) * t.iterationWork
                s.checkpointCost = t.checkpointSeconds
                s.restartCost = t.restartSeconds
                s.smFraction = t.smFraction
            case .interactive(let i):
                s.submitTime = i.start
                s.totalWork = .infinity
                s.smFraction = i.smFraction
                s.kindName = i.kind.rawValue
                var g = WorkloadGenerator(.interactive(i), seed: config.seed &+ UInt64(j), horizon: config.duration)
                s.nextBurst = g.next()
                s.generator = g
            }
            jobs.append(s)
            // Pinned jobs due at t = 0 are bound with the pinned replicas, before any other pod.
            if !(pinning && job.pinnedGPU != nil && s.submitTime <= 0) {
                sim.schedule(.submit(job: j), at: max(0, s.submitTime), priority: 0)
            }
        }
        if colocation.autoscale {
            sim.schedule(.scale, at: 0, priority: -1)
        } else {
            startFixedReplicas(pinning: pinning, sim: &sim)
        }
        sim.schedule(.step, at: 0, priority: 1)
        while let e = sim.nextEvent(before: config.duration) {
            switch e.event {
            case .step:
                try step(now: e.time)
                let next = e.time + config.step
                if next < config.duration { sim.schedule(.step, at: next, priority: 1) }
                config.progress?(ClusterProgress(simulatedSeconds: min(next, config.duration),
                                                 durationSeconds: config.duration, statesEvaluated: evaluated,
                                                 lookups: lookups, hits: hits))
            case .scale:
                scale(now: e.time, sim: &sim)
                let next = e.time + config.scaleInterval
                if next < config.duration { sim.schedule(.scale, at: next, priority: -1) }
            case .submit(let j):
                submitJob(j, now: e.time, sim: &sim)
            case .replicaReady(let r):
                if replicas[r].alive { replicas[r].ready = true }
            case .surge(let r):
                surge(r, now: e.time, sim: &sim)
            case .retire(let r):
                retire(r, now: e.time, sim: &sim)
            }
            for j in resubmits where e.time + config.step < config.duration {
                sim.schedule(.submit(job: j), at: e.time + config.step, priority: 0)
            }
            resubmits.removeAll(keepingCapacity: true)
            #if DEBUG
            let problems = scheduler.occupancy.invariantViolations(maxPods: colocation.maxPodsPerGPU)
            precondition(problems.isEmpty, "cluster invariants: \(problems)")
            #endif
        }
        try cache.flush()
        return result()
    }

    /// Starts every service's fixed replicas at t = 0. With `pinning` (the scenario's current
    /// bindings), the pinned replicas are submitted first, then the pinned jobs due at t = 0, then the
    /// other replicas, so a pod the scenario says runs somewhere is not displaced by one it does not.
    mutating func startFixedReplicas(pinning: Bool, sim: inout Simulation<Double, ClusterEvent>) {
        var sink = Simulation<Double, ClusterEvent>()
        var order: [(service: Int, replica: Int, pin: Int?)] = []
        for (s, svc) in config.services.enumerated() {
            for k in 0..<svc.replicas {
                let pin = pinning && k < svc.pinnedGPUs.count && svc.pinnedGPUs[k] >= 0 ? svc.pinnedGPUs[k] : nil
                order.append((s, k, pin))
            }
        }
        var ids: [Int] = []
        for (s, k, _) in order {
            let svc = config.services[s]
            var profile: TimeSeries?
            if case .utilizationProfiles(let ps) = svc.load, !ps.isEmpty { profile = ps[k % ps.count] }
            ids.append(replicas.count)
            replicas.append(ClusterReplica(service: s, gpu: -1, pod: replicas.count, ready: true, profile: profile, slot: k))
            scheduleChurn(replicas.count - 1, start: 0, sim: &sim)
        }
        func submit(_ i: Int, _ model: inout ClusterModel) {
            let svc = model.config.services[order[i].service]
            let p = ColocationPod(id: ids[i], priorityClass: .latencySensitive,
                                  gpuMilli: model.colocation.milli(.latencySensitive, requested: svc.gpuMilli),
                                  memoryMiB: svc.memoryMiB, weight: svc.weight)
            let event: ColocationEvent = order[i].pin.map { .submitPinned(p, gpu: $0) } ?? .submit(p)
            model.apply(model.decide(event, now: 0), now: 0, sim: &sink)
        }
        for i in order.indices where order[i].pin != nil { submit(i, &self) }
        if pinning {
            for j in jobs.indices where config.jobs[j].pinnedGPU != nil && jobs[j].submitTime <= 0 {
                submitJob(j, now: 0, sim: &sim)
            }
        }
        for i in order.indices where order[i].pin == nil { submit(i, &self) }
    }

    /// Submits job `j` to the scheduler at `now` (to its current binding when it has one and the run
    /// starts from bindings).
    mutating func submitJob(_ j: Int, now: Double, sim: inout Simulation<Double, ClusterEvent>) {
        jobs[j].submitted = true
        let p = ColocationPod(id: jobs[j].pod, priorityClass: .bestEffort,
                              gpuMilli: colocation.milli(.bestEffort, requested: jobs[j].config.gpuMilli),
                              memoryMiB: jobs[j].config.memoryMiB, weight: jobs[j].config.weight)
        let pin = config.startFromBindings && !colocation.autoscale ? jobs[j].config.pinnedGPU : nil
        let event: ColocationEvent = pin.map { .submitPinned(p, gpu: $0) } ?? .submit(p)
        apply(decide(event, now: now), now: now, sim: &sim)
    }

    // MARK: - scheduler actions

    mutating func decide(_ event: ColocationEvent, now: Double) -> [ColocationAction] {
        let actions = scheduler.handle(event, now: now)
        if config.explain > 0 { record(scheduler.explanations) }
        return actions
    }

    mutating func apply(_ actions: [ColocationAction], now: Double, sim: inout Simulation<Double, ClusterEvent>) {
        for a in actions {
            switch a {
            case .bind(let pod, let gpu):
                started(pod: pod, on: gpu, at: now)
                podsOnGPU[gpu].append(pod)
                if pod >= jobBase {
                    let j = pod - jobBase
                    jobs[j].gpu = gpu
                    jobs[j].pendingRestart += jobs[j].restartOnBind ? jobs[j].restartCost : 0
                } else if pod < replicas.count {
                    replicas[pod].gpu = gpu
                }
            case .queued:
                break
            case .evict(let pod, let gpu):
                podsOnGPU[gpu].removeAll { $0 == pod }
                guard pod >= jobBase else { continue }
                let j = pod - jobBase
                jobs[j].gpu = nil
                jobs[j].evictions += 1
                jobs[j].restartOnBind = true
                reclaims += 1
                let lost = jobs[j].progress - jobs[j].lastCheckpoint
                jobs[j].lost += lost
                jobs[j].workDone -= lost
                jobs[j].progress = jobs[j].lastCheckpoint
            case .startReplica(let s, let gpu):
                let id = replicas.count
                replicas.append(ClusterReplica(service: s, gpu: gpu, pod: id, ready: now == 0, profile: nil))
                started(pod: id, on: gpu, at: now)
                podsOnGPU[gpu].append(id)
                if now > 0 { sim.schedule(.replicaReady(replica: id), at: now + config.replicaStartup, priority: 0) }
            case .stopReplica(let s, let gpu):
                if let r = replicas.lastIndex(where: { $0.alive && $0.service == s && $0.gpu == gpu }) {
                    replicas[r].alive = false
                    podsOnGPU[gpu].removeAll { $0 == r }
                }
            }
        }
    }

    // MARK: - tidal scaling

    func serviceRate(_ s: Int, at t: Double) -> Double {
        switch config.services[s].load {
        case .arrivals(let a): ClusterArrivalRate.rate(a, at: t)
        case .utilizationProfiles(let ps):
            ps.reduce(0.0) { $0 + config.services[s].latency.load(forDuty: $1.cyclicValue(at: t)) }
        case .frames: 0
        }
    }

    mutating func scale(now: Double, sim: inout Simulation<Double, ClusterEvent>) {
        for s in config.services.indices where config.services[s].kind == .inference {
            // Proactive: the known load curve one interval plus a start-up ahead (Aryl predicts the load).
            let ahead = config.forecast ? now + config.scaleInterval + config.replicaStartup : now
            var peak = serviceRate(s, at: now)
            var t = now
            while t <= ahead {
                peak = max(peak, serviceRate(s, at: t))
                t += config.step
            }
            apply(decide(.serviceLoad(service: s, load: peak), now: now), now: now, sim: &sim)
        }
    }
}
