import ColoModel
import Scheduling
import SimEngine
import Workload

extension ClusterModel {
    /// Where a pod of a GPU state comes from.
    enum PodSource {
        case replica(Int)
        case job(Int)
    }

    /// One step: the loads of the step, every GPU's co-location state evaluated by the node model,
    /// and what the responses mean for services, jobs and the GPUs.
    mutating func step(now: Double) throws {
        let dt = min(config.step, config.duration - now)
        let k = steps
        steps += 1
        var readyCount = Array(repeating: 0, count: config.services.count)
        var placedCount = Array(repeating: 0, count: config.services.count)
        for r in replicas where r.alive {
            if r.gpu >= 0 {
                placedCount[r.service] += 1
                if r.ready { readyCount[r.service] += 1 }
            } else if r.ready, let prof = r.profile {
                // A replica with its own load but no GPU: its requests are offered and never served.
                let lambda = config.services[r.service].latency.load(forDuty: prof.cyclicValue(at: now))
                offered[r.service] += lambda * dt
                unserved[r.service] += lambda * dt
            } else if r.ready, case .frames = config.services[r.service].load {
                let fps = frameRate(config.services[r.service].kind)
                offered[r.service] += fps * dt
                unserved[r.service] += fps * dt
            }
        }
        var serviceRates = Array(repeating: 0.0, count: config.services.count)
        for s in config.services.indices {
            replicaSeconds[s] += Double(placedCount[s]) * dt
            replicaPeak[s] = max(replicaPeak[s], placedCount[s])
            if case .arrivals(let a) = config.services[s].load {
                serviceRates[s] = ClusterArrivalRate.rate(a, at: now)
                if readyCount[s] == 0 {
                    offered[s] += serviceRates[s] * dt
                    unserved[s] += serviceRates[s] * dt
                }
            } else if colocation.autoscale {
                serviceRates[s] = serviceRate(s, at: now)
                if readyCount[s] == 0 {
                    offered[s] += serviceRates[s] * dt
                    unserved[s] += serviceRates[s] * dt
                }
            }
        }
        for j in jobs.indices where jobs[j].generator != nil {
            while let b = jobs[j].nextBurst, b.time < now + dt {
                if case .gpuBurst(_, _, let work, _) = b.item { jobs[j].bursts.append((b.time, work)) }
                jobs[j].nextBurst = jobs[j].generator?.next()
            }
        }
        // The co-location state of every GPU with pods.
        var gpus: [Int] = []
        var states: [NodeColocationState] = []
        var sources: [[PodSource]] = []
        for g in 0..<config.gpuCount where !podsOnGPU[g].isEmpty {
            let profile = config.profile(ofGPU: g)
            var pods: [NodePod] = []
            var src: [PodSource] = []
            for p in podsOnGPU[g] {
                if p >= jobBase {
                    let j = p - jobBase
                    pods.append(jobPod(j, dt: dt, profile: profile))
                    src.append(.job(j))
                } else {
                    let r = replicas[p]
                    var lambda = 0.0
                    if r.ready {
                        if let prof = r.profile {
                            lambda = config.services[r.service].latency.load(forDuty: prof.cyclicValue(at: now))
                        } else if readyCount[r.service] > 0 {
                            lambda = serviceRates[r.service] / Double(readyCount[r.service])
                        }
                    }
                    pods.append(replicaPod(r.service, rate: lambda, ready: r.ready))
                    src.append(.replica(p))
                }
            }
            gpus.append(g)
            pods = withHostPids(pods, ids: podsOnGPU[g])
            states.append(NodeColocationState(profile: profile, isolation: isolation, pods: pods))
            sources.append(src)
        }
        let responses = try evaluate(states, gpus: gpus, step: k, dt: dt)
        var used = 0
        var stepDuty = 0.0
        var stepSM = 0.0
        var stepAlloc = 0.0
        // The heat-map columns this step overlaps, with the seconds of each (a step may span several).
        let width = config.duration / Double(Self.heatBucketCount)
        var heatSpans: [(Int, Double)] = []
        if width > 0 {
            var b = min(Self.heatBucketCount - 1, max(0, Int(now / width)))
            while b < Self.heatBucketCount {
                let overlap = min(now + dt, Double(b + 1) * width) - max(now, Double(b) * width)
                if overlap > 0 { heatSpans.append((b, overlap)) }
                if Double(b + 1) * width >= now + dt { break }
                b += 1
            }
        }
        for (i, g) in gpus.enumerated() {
            let (resp, scales) = responses[i]
            used += 1
            everUsed[g] = true
            stepDuty += resp.utilization
            stepSM += resp.smUtilization
            for (b, seconds) in heatSpans { heat[g][b] += resp.utilization * seconds }
            contextSwitches += resp.contextSwitchesPerSecond * dt
            digest.combine(Int64(g))
            digest.combine(resp.utilization)
            stepAlloc += Double(min(GPUShare.milliPerGPU, scheduler.occupancy.gpus[g].milliUsed)) / Double(GPUShare.milliPerGPU)
            for (n, src) in sources[i].enumerated() where n < resp.pods.count {
                let pr = resp.pods[n]
                let scale = scales[n]
                switch src {
                case .job(let j):
                    advanceJob(j, work: pr.workPerSecond * scale * dt, dt: dt, now: now)
                case .replica(let r):
                    guard replicas[r].ready else { continue }
                    account(service: replicas[r].service, pr, scale: scale, dt: dt)
                }
            }
            if config.explain > 0 { explainPreemptions(gpu: g, state: states[i], sources: sources[i], response: resp, now: now) }
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
            jobs[j].instancesDone += 1
            jobs[j].instanceTimeSum += max(0, (jobs[j].completedAt ?? now + dt) - jobs[j].submitTime)
            apply(decide(.finish(pod: jobs[j].pod), now: now + dt), now: now + dt, sim: &sink)
            if jobs[j].config.resubmit { renew(j, at: now + dt) }
        }
    }

    /// A service replica's requests (or frames) of one step into the service's totals and histogram.
    mutating func account(service s: Int, _ pr: NodeResponse.Pod, scale: Double, dt: Double) {
        let o = pr.offeredPerSecond * scale * dt
        let done = pr.servedPerSecond * scale * dt
        offered[s] += o
        served[s] += done
        within[s] += pr.withinSLAPerSecond * scale * dt
        unserved[s] += max(0, o - done)
        let t = pr.latency.total
        if t > 0 {
            histograms[s].add(pr.latency, scale: done / t)
            worstWindowP99[s] = max(worstWindowP99[s], pr.latency.quantile(0.99))
        }
    }

    /// Frames per second a render or codec replica issues (0 for inference).
    func frameRate(_ kind: ClusterServiceConfig.Kind) -> Double {
        switch kind {
        case .inference: 0
        case .render(let r): r.framesPerSecond ?? 0
        case .codec(let c): c.framesPerSecond ?? 0
        }
    }

    /// The node-model pod of a replica of service `s` offered `rate` requests/s.
    func replicaPod(_ s: Int, rate: Double, ready: Bool) -> NodePod {
        let svc = config.services[s]
        let milli = colocation.milli(.latencySensitive, requested: svc.gpuMilli)
        let limit: Double? = isolationLimits && milli < GPUShare.milliPerGPU ? Double(milli) / 10 : nil
        let work: NodePod.Work = switch svc.kind {
        case .inference: .inference(svc.inferenceSpec, ratePerSecond: ready ? rate : 0)
        case .render(let r): .render(r)
        case .codec(let c): .codec(c)
        }
        return NodePod(work: work, priority: .latencySensitive, weight: svc.weight, limitPercent: limit,
                       slaSeconds: svc.p99Target)
    }

    /// The node-model pod of job `j` for a step of `dt` seconds.
    func jobPod(_ j: Int, dt: Double, profile: DeviceProfile) -> NodePod {
        let job = jobs[j]
        let milli = colocation.milli(.bestEffort, requested: job.config.gpuMilli)
        let limit: Double? = isolationLimits && milli < GPUShare.milliPerGPU ? Double(milli) / 10 : nil
        let kernel = Self.beKernel(smFraction: job.smFraction, profile: profile)
        var work: NodePod.Work = .training(kernel)
        if job.done {
            work = .bursts(kernel, demand: 0)
        } else if job.generator != nil {
            let left = job.bursts.reduce(0.0) { $0 + $1.left }
            work = .bursts(kernel, demand: min(1, left / max(dt, 1e-9)))
        }
        return NodePod(work: work, priority: .bestEffort, weight: job.config.weight, limitPercent: limit)
    }

    /// Whether pods carry user-mode compute limits (their milli-GPU as a percent).
    var isolationLimits: Bool {
        if case .userMode = isolation { return true }
        return false
    }

    /// The kernels of offline work: 5 ms of full-GPU work in four waves of 1,250 µs blocks (L), each
    /// wave at full occupancy in blocks of 256 threads: SMs × maxThreadsPerSM / 256 blocks per wave
    /// (2,560 blocks on a V100). The block count is what HAMi-core's limiter charges per launch; 256-thread
    /// blocks at full occupancy are the shape of the calibration probe's kernel that the user-mode
    /// engine is validated with (`colocal.cu`: 42,240 blocks on an H200 = 132 SMs × 8 × 40 waves)
    /// and of common GEMM tiles.
    static func beKernel(smFraction: Double, profile: DeviceProfile) -> KernelShape {
        let perWave = max(1, profile.sms) * max(1, profile.maxThreadsPerSM / 256)
        return KernelShape(work: .milliseconds(5), smFraction: smFraction, dramFraction: 0.3,
                           gridBlocks: 4 * perWave, blockDuration: .microseconds(1250))
    }

    /// Advances job `j` by `work` GPU seconds of full-speed progress done in a step of `dt` at `now`.
    mutating func advanceJob(_ j: Int, work: Double, dt: Double, now: Double) {
        var time = max(0, work)
        let rate = max(time / max(dt, 1e-9), 1e-9)
        if jobs[j].generator != nil {
            jobs[j].workDone += time
            var t = now
            while time > 0, !jobs[j].bursts.isEmpty {
                let use = min(time, jobs[j].bursts[0].left)
                jobs[j].bursts[0].left -= use
                time -= use
                t += use / rate
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
                jobs[j].completedAt = now + dt - time / rate
            } else if use == toCkpt {
                jobs[j].lastCheckpoint = jobs[j].progress
                jobs[j].lastCheckpointTime = now + (budget - time) / rate
                let c = min(time, jobs[j].checkpointCost)
                time -= c
                jobs[j].pendingOverhead += jobs[j].checkpointCost - c
            }
        }
    }
}
