import ColoModel
import Metrics
import Scheduling
import SimEngine
import Workload

/// The state of one cluster run and its event handling (see ``ClusterSimulation``).
struct ClusterModel {
    let config: ClusterSimulationConfig
    var policy: any ColocationPolicy
    var replicas: [ClusterReplica] = []
    var jobs: [ClusterJobState] = []
    var podsOnGPU: [[Int]]
    var histograms: [ClusterLatencyHistogram]
    var p50Hist: [ClusterLatencyHistogram]
    var replicaSeconds: [Double]
    var replicaPeak: [Int]
    var worstStepP99: [Double]
    var digest = FNV1a64()
    var usedSeconds = 0.0
    var usedPeak = 0
    var dutyOnUsed = 0.0
    var smOnUsed = 0.0
    var dutyAll = 0.0
    var allocated = 0.0
    var reclaims = 0
    var steps = 0
    /// Explained runs: the decisions kept (the first `config.explain` of each kind) and all counted.
    var decisions: [ClusterDecision] = []
    var decisionCounts: [ColocationDecisionKind: Int] = [:]
    /// Explained runs: BE pods that LS preempted in their GPU's last arbitration (preemption episodes).
    var preempting: Set<Int> = []
    /// Utilization series buckets (GPU-seconds used, duty-seconds, seconds), a fixed number over the run.
    var seriesBuckets = [(used: Double, duty: Double, span: Double)](repeating: (0, 0, 0), count: seriesBucketCount)
    /// How many points the utilization series has at most.
    static let seriesBucketCount = 240
    /// Pod ids: replicas 0..<jobBase (growing under tidal from `tidalBase`), jobs `jobBase + j`.
    let jobBase = 1 << 30

    init(config: ClusterSimulationConfig) {
        self.config = config
        var c = config.colocation
        c.tidalServices = config.services.map { $0.tidal ?? TidalService(capacityPerReplica: $0.latency.peakThroughput) }
        policy = config.policy.make(c)
        podsOnGPU = Array(repeating: [], count: config.gpuCount)
        histograms = config.services.map { ClusterLatencyHistogram(target: $0.p99Target) }
        p50Hist = histograms
        replicaSeconds = Array(repeating: 0, count: config.services.count)
        replicaPeak = Array(repeating: 0, count: config.services.count)
        worstStepP99 = Array(repeating: 0, count: config.services.count)
    }

    // MARK: - run

    mutating func run() -> ClusterSimulationResult {
        var sim = Simulation<Double, ClusterEvent>()
        for (j, job) in config.jobs.enumerated() {
            var s = ClusterJobState(config: job, pod: jobBase + j)
            switch job.kind {
            case .training(let t):
                s.submitTime = t.submitTime
                s.totalWork = Double(t.iterations) * t.iterationWork
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
            sim.schedule(.submit(job: j), at: max(0, s.submitTime), priority: 0)
        }
        if config.policy == .tidal {
            sim.schedule(.scale, at: 0, priority: -1)
        } else {
            startFixedReplicas()
        }
        sim.schedule(.step, at: 0, priority: 1)
        while let e = sim.nextEvent(before: config.duration) {
            switch e.event {
            case .step:
                step(now: e.time)
                let next = e.time + config.step
                if next < config.duration { sim.schedule(.step, at: next, priority: 1) }
            case .scale:
                scale(now: e.time, sim: &sim)
                let next = e.time + config.scaleInterval
                if next < config.duration { sim.schedule(.scale, at: next, priority: -1) }
            case .submit(let j):
                jobs[j].submitted = true
                let p = ColocationPod(id: jobs[j].pod, priorityClass: .bestEffort, gpuMilli: milli(job: j),
                                      memoryMiB: jobs[j].config.memoryMiB, weight: jobs[j].config.weight)
                apply(decide(.submit(p), now: e.time), now: e.time, sim: &sim)
            case .replicaReady(let r):
                if replicas[r].alive { replicas[r].ready = true }
            }
            #if DEBUG
            let problems = policy.occupancy.invariantViolations(maxPods: config.colocation.maxPodsPerGPU)
            precondition(problems.isEmpty, "cluster invariants: \(problems)")
            #endif
        }
        return result()
    }

    func milli(job j: Int) -> Int {
        switch config.policy {
        case .dedicated, .tidal: GPUShare.milliPerGPU
        case .shared, .preemptive, .timeSliced: min(GPUShare.milliPerGPU, jobs[j].config.gpuMilli)
        }
    }

    mutating func startFixedReplicas() {
        var sink = Simulation<Double, ClusterEvent>()
        for (s, svc) in config.services.enumerated() {
            for k in 0..<svc.replicas {
                let id = replicas.count
                var profile: TimeSeries?
                if case .utilizationProfiles(let ps) = svc.load, !ps.isEmpty { profile = ps[k % ps.count] }
                replicas.append(ClusterReplica(service: s, gpu: -1, pod: id, ready: true, profile: profile))
                let milli: Int = switch config.policy {
                case .shared: min(GPUShare.milliPerGPU, svc.gpuMilli)
                default: GPUShare.milliPerGPU
                }
                let p = ColocationPod(id: id, priorityClass: .latencySensitive, gpuMilli: milli,
                                      memoryMiB: svc.memoryMiB, weight: svc.weight)
                apply(decide(.submit(p), now: 0), now: 0, sim: &sink)
            }
        }
    }

    // MARK: - policy actions

    mutating func apply(_ actions: [ColocationAction], now: Double, sim: inout Simulation<Double, ClusterEvent>) {
        for a in actions {
            switch a {
            case .bind(let pod, let gpu):
                podsOnGPU[gpu].append(pod)
                if pod >= jobBase {
                    let j = pod - jobBase
                    jobs[j].gpu = gpu
                    jobs[j].pendingRestart += jobs[j].evictions > 0 ? jobs[j].restartCost : 0
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
                reclaims += 1
                let lost = jobs[j].progress - jobs[j].lastCheckpoint
                jobs[j].lost += lost
                jobs[j].workDone -= lost
                jobs[j].progress = jobs[j].lastCheckpoint
            case .startReplica(let s, let gpu):
                let id = replicas.count
                replicas.append(ClusterReplica(service: s, gpu: gpu, pod: id, ready: now == 0, profile: nil))
                podsOnGPU[gpu].append(id)
                if now > 0 { sim.schedule(.replicaReady(replica: id), at: now + config.replicaStartup, priority: 0) }
            case .stopReplica(let s, let gpu):
                if let r = replicas.lastIndex(where: { $0.alive && $0.service == s && $0.gpu == gpu }) {
                    replicas[r].alive = false
                    podsOnGPU[gpu].removeAll { $0 == r }
                }
            case .grants:
                break
            }
        }
    }

    // MARK: - tidal scaling

    func serviceRate(_ s: Int, at t: Double) -> Double {
        switch config.services[s].load {
        case .arrivals(let a): ClusterArrivalRate.rate(a, at: t)
        case .utilizationProfiles(let ps):
            ps.reduce(0.0) { $0 + config.services[s].latency.load(forDuty: $1.cyclicValue(at: t)) }
        }
    }

    mutating func scale(now: Double, sim: inout Simulation<Double, ClusterEvent>) {
        for s in config.services.indices {
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

    // MARK: - one step

    mutating func step(now: Double) {
        let dt = min(config.step, config.duration - now)
        steps += 1
        // Service loads per replica.
        // One pass over the replicas: placed and ready counts per service; a replica that carries
        // its own load profile but has no GPU drops its requests, which count against the
        // service's SLA (a service routed by rate shares its load among the ready placed replicas
        // instead, through `readyCount`).
        var readyCount = Array(repeating: 0, count: config.services.count)
        var placedCount = Array(repeating: 0, count: config.services.count)
        for r in replicas where r.alive {
            if r.gpu >= 0 {
                placedCount[r.service] += 1
                if r.ready { readyCount[r.service] += 1 }
            } else if r.ready, let prof = r.profile {
                let lambda = config.services[r.service].latency.load(forDuty: prof.cyclicValue(at: now))
                histograms[r.service].recordUnserved(weight: lambda * dt)
            }
        }
        for s in config.services.indices {
            replicaSeconds[s] += Double(placedCount[s]) * dt
            replicaPeak[s] = max(replicaPeak[s], placedCount[s])
        }
        var serviceRates = Array(repeating: 0.0, count: config.services.count)
        for s in config.services.indices {
            if case .arrivals(let a) = config.services[s].load {
                serviceRates[s] = ClusterArrivalRate.rate(a, at: now)
            } else if config.policy == .tidal {
                serviceRates[s] = serviceRate(s, at: now)  // autoscaled: the profiles' total load
            }
        }
        // New bursts for interactive jobs.
        for j in jobs.indices where jobs[j].generator != nil {
            while let b = jobs[j].nextBurst, b.time < now + dt {
                if case .gpuBurst(_, _, let work, _) = b.item { jobs[j].bursts.append((b.time, work)) }
                jobs[j].nextBurst = jobs[j].generator?.next()
            }
        }
        var used = 0
        var stepDuty = 0.0
        var stepSM = 0.0
        var stepAlloc = 0.0
        for g in 0..<config.gpuCount {
            let pods = podsOnGPU[g]
            guard !pods.isEmpty else { continue }
            used += 1
            var demands: [GPUPodDemand] = []
            demands.reserveCapacity(pods.count)
            var lambdas: [Double] = []
            for p in pods {
                if p >= jobBase {
                    let j = p - jobBase
                    demands.append(GPUPodDemand(pod: p, priorityClass: .bestEffort, demand: jobDemand(j, dt: dt),
                                                smFraction: jobs[j].smFraction,
                                                quota: Double(jobs[j].config.gpuMilli) / 1000,
                                                weight: jobs[j].config.weight))
                    lambdas.append(0)
                } else {
                    let r = replicas[p]
                    let svc = config.services[r.service]
                    var lambda = 0.0
                    if r.ready {
                        if let prof = r.profile {
                            lambda = svc.latency.load(forDuty: prof.cyclicValue(at: now))
                        } else if readyCount[r.service] > 0 {
                            lambda = serviceRates[r.service] / Double(readyCount[r.service])
                        }
                    }
                    let s1 = svc.latency.batchTime(1)
                    let need = (r.backlog > 0 || lambda * s1 >= 1) ? 1 : lambda * s1
                    // Batch size on a GPU of its own (greedy batching), for the SM share f_knee(b).
                    var b = 1.0
                    if need >= 1 {
                        let big = Double(svc.latency.maxBatch)
                        for _ in 0..<30 { b = min(big, max(1, lambda * svc.latency.batchTime(b))) }
                    }
                    demands.append(GPUPodDemand(pod: p, priorityClass: .latencySensitive, demand: r.ready ? need : 0,
                                                smFraction: min(1, b / svc.latency.kneeBatch),
                                                quota: Double(svc.gpuMilli) / 1000, weight: svc.weight,
                                                dramFraction: svc.dramFraction,
                                                activationsPerSecond: lambda * max(0, 1 - need)))
                    lambdas.append(lambda)
                }
            }
            let actions = decide(.arbitrate(gpu: g, demands: demands), now: now)
            guard case .grants(let out)? = actions.first else { continue }
            stepDuty += out.dutyCycle
            stepSM += out.smTime
            let milli = policy.occupancy.gpus[g].milliUsed
            stepAlloc += Double(min(GPUShare.milliPerGPU, milli)) / Double(GPUShare.milliPerGPU)
            for (k, grant) in out.grants.enumerated() {
                let p = pods[k]
                if p >= jobBase {
                    advanceJob(p - jobBase, grant: grant, dt: dt, now: now)
                } else if replicas[p].ready {
                    serve(p, lambda: lambdas[k], grant: grant, dt: dt)
                }
            }
        }
        for j in jobs.indices where jobs[j].submitted && !jobs[j].done && jobs[j].gpu == nil {
            jobs[j].queuedSeconds += dt
        }
        usedSeconds += Double(used) * dt
        usedPeak = max(usedPeak, used)
        dutyOnUsed += stepDuty * dt
        smOnUsed += stepSM * dt
        allocated += stepAlloc * dt
        let b = min(Self.seriesBucketCount - 1, max(0, Int(now / config.duration * Double(Self.seriesBucketCount))))
        seriesBuckets[b].used += Double(used) * dt
        seriesBuckets[b].duty += stepDuty * dt
        seriesBuckets[b].span += dt
        digest.combine(Int64(used))
        digest.combine(stepDuty)
        // Finished training jobs leave.
        var sink = Simulation<Double, ClusterEvent>()
        for j in jobs.indices where jobs[j].done && jobs[j].gpu != nil {
            let g = jobs[j].gpu ?? 0
            podsOnGPU[g].removeAll { $0 == jobs[j].pod }
            jobs[j].gpu = nil
            apply(decide(.finish(pod: jobs[j].pod), now: now + dt), now: now + dt, sim: &sink)
        }
    }

    func jobDemand(_ j: Int, dt: Double) -> Double {
        let s = jobs[j]
        if s.done { return 0 }
        if s.generator != nil {
            let left = s.bursts.reduce(0.0) { $0 + $1.left }
            return min(1, left / dt)
        }
        return 1
    }

    mutating func advanceJob(_ j: Int, grant: GPUPodGrant, dt: Double, now: Double) {
        var time = grant.duty * dt
        jobs[j].preemptions += grant.preemptionsPerSecond * dt
        jobs[j].lost += grant.lostWorkPerSecond * dt
        if jobs[j].generator != nil {
            jobs[j].workDone += time
            var t = now
            while time > 0, !jobs[j].bursts.isEmpty {
                let use = min(time, jobs[j].bursts[0].left)
                jobs[j].bursts[0].left -= use
                time -= use
                t += use / max(grant.duty, 1e-9)
                if jobs[j].bursts[0].left <= 1e-12 {
                    jobs[j].burstsDone += 1
                    jobs[j].burstTimeSum += max(0, min(now + dt, t) - jobs[j].bursts[0].arrival)
                    jobs[j].bursts.removeFirst()
                }
            }
            return
        }
        // Training: restart overhead first, then progress with checkpoints.
        let budget = time
        let restart = min(time, jobs[j].pendingRestart)
        jobs[j].pendingRestart -= restart
        jobs[j].restartSeconds += restart
        time -= restart
        let overhead = min(time, jobs[j].pendingOverhead)
        jobs[j].pendingOverhead -= overhead
        time -= overhead
        while time > 1e-12 && !jobs[j].done {
            let toEnd = jobs[j].totalWork - jobs[j].progress
            let toCkpt = jobs[j].checkpointWork > 0
                ? jobs[j].lastCheckpoint + jobs[j].checkpointWork - jobs[j].progress : .infinity
            let use = min(time, toEnd, toCkpt)
            jobs[j].progress += use
            jobs[j].workDone += use
            time -= use
            if jobs[j].progress >= jobs[j].totalWork - 1e-9 {
                jobs[j].done = true
                jobs[j].completedAt = now + dt - time / max(grant.duty, 1e-9)
            } else if use == toCkpt {
                jobs[j].lastCheckpoint = jobs[j].progress
                jobs[j].lastCheckpointTime = now + (budget - time) / max(grant.duty, 1e-9)
                let c = min(time, jobs[j].checkpointCost)
                time -= c
                jobs[j].pendingOverhead += jobs[j].checkpointCost - c
            }
        }
    }

    // MARK: - result

    mutating func result() -> ClusterSimulationResult {
        let d = config.duration
        let services = config.services.enumerated().map { (s, svc) in
            ClusterSimulationResult.Service(
                name: svc.name, requests: histograms[s].total, p50: histograms[s].quantile(0.5),
                p99: histograms[s].quantile(0.99), p99Target: svc.p99Target, attainment: histograms[s].attainment,
                replicasMean: replicaSeconds[s] / d, replicasPeak: replicaPeak[s], worstStepP99: worstStepP99[s],
                latencyQuantiles: histograms[s].quantiles(LatencyQuantile.cdfFractions))
        }
        let jobsOut = jobs.map { j in
            ClusterSimulationResult.Job(
                name: j.config.name, kind: j.kindName, workDone: j.workDone, lostWork: j.lost,
                preemptions: j.preemptions, evictions: j.evictions, restartSeconds: j.restartSeconds,
                completionTime: j.completedAt.map { $0 - j.submitTime }, burstsDone: j.burstsDone,
                meanBurstTime: j.burstsDone > 0 ? j.burstTimeSum / Double(j.burstsDone) : nil,
                queuedSeconds: j.queuedSeconds)
        }
        for s in services {
            digest.combine(s.p99)
            digest.combine(s.requests)
        }
        for j in jobsOut { digest.combine(j.workDone) }
        let width = d / Double(Self.seriesBucketCount)
        let gpus = Double(max(1, config.gpuCount))
        let series = seriesBuckets.enumerated().compactMap { (k, b) -> ClusterSimulationResult.Sample? in
            guard b.span > 0 else { return nil }
            return ClusterSimulationResult.Sample(t: (Double(k) + 0.5) * width, gpusUsed: b.used / b.span,
                                                  utilization: b.used > 0 ? b.duty / b.used : 0,
                                                  clusterUtilization: b.duty / (b.span * gpus))
        }
        return ClusterSimulationResult(
            policy: config.policy.rawValue, gpuCount: config.gpuCount, duration: d,
            gpusUsedMean: usedSeconds / d, gpusUsedPeak: usedPeak,
            utilizationMean: usedSeconds > 0 ? dutyOnUsed / usedSeconds : 0,
            smTimeMean: usedSeconds > 0 ? smOnUsed / usedSeconds : 0,
            clusterUtilizationMean: dutyOnUsed / (d * Double(max(1, config.gpuCount))),
            allocationRatio: allocated / (d * Double(max(1, config.gpuCount))),
            services: services, series: series, jobs: jobsOut, reclaims: reclaims, steps: steps, digest: digest.hex,
            decisions: decisionsInTimeOrder, decisionCounts: decisionCounts)
    }
}
