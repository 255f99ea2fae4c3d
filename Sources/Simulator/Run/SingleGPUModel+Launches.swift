import ColoModel
import GPUDevice
import SimEngine

extension SingleGPUModel {
    /// The client thread of `w` issues its queued launches in order; compute launches pass the
    /// gate, a deferred one puts the thread to sleep until the retry time.
    mutating func pumpThread(_ w: Int) {
        while !workloads[w].threadWaiting, let id = workloads[w].nextLaunch, let rec = launches[id] {
            if rec.engine != .compute {
                workloads[w].popLaunch()
                sim.schedule(.reachDevice(id), at: sim.now + config.profile.launchLatency)
                continue
            }
            let request = LaunchRequest(container: workloads[w].container, launchID: id,
                                        gridBlocks: rec.shape?.gridBlocks ?? 1, priority: workloads[w].priority,
                                        attempt: rec.attempt)
            let actions = gate.handle(.launchRequested(request), now: sim.now)
            applyGate(actions)
            if workloads[w].nextLaunch == id && !workloads[w].threadWaiting {
                // The gate neither admitted nor deferred: the thread blocks until it admits.
                workloads[w].threadWaiting = true
            }
        }
    }

    mutating func retryLaunch(_ id: UInt64) {
        guard let rec = launches[id] else { return }
        launches[id]?.attempt = rec.attempt + 1
        workloads[rec.workload].threadWaiting = false
        pumpThread(rec.workload)
    }

    mutating func applyGate(_ actions: [LaunchGateAction]) {
        for a in actions {
            switch a {
            case .admit(let id):
                guard let rec = launches[id] else { continue }
                let w = rec.workload
                guard workloads[w].nextLaunch == id else { continue }
                workloads[w].popLaunch()
                sim.schedule(.reachDevice(id), at: sim.now + config.profile.launchLatency)
                if workloads[w].threadWaiting {
                    workloads[w].threadWaiting = false
                    pumpThread(w)
                }
            case .retry(let id, let at):
                guard let rec = launches[id] else { continue }
                workloads[rec.workload].threadWaiting = true
                workloads[rec.workload].throttled += 1
                sim.schedule(.gateRetry(id), at: max(at, sim.now))
            case .setTimer(let at, let token, let window):
                if window != nil && !samplingStarted {
                    samplingStarted = true
                    takeSample()
                }
                sim.schedule(.gateTimer(token, window), at: max(at, sim.now), priority: 2)
            case .counter(let c, let name, let value):
                timeline?.counter(name, container: c, value: value, now: sim.now)
            }
        }
    }

    mutating func reachDevice(_ id: UInt64) {
        guard let rec = launches[id] else { return }
        let w = rec.workload
        let container = workloads[w].container
        let context = workloads[w].context
        if let frame = rec.codec {
            device.submitCodec(id: id, container: container, context: context, frame: frame)
        } else if let shape = rec.shape {
            var prio = 0
            if case .kernels(let k) = workloads[w].spec.kind { prio = k.streamPriority }
            device.submitGraphics(id: id, container: container, context: context, engine: rec.engine,
                                  shape: shape, streamPriority: prio, stream: workloads[w].stream)
        }
        let domain = rec.engine.domain
        timeline?.submitted(id, now: sim.now)
        windowDemand[container, default: []].insert(domain)
        onDevice[container, default: [:]][domain, default: 0] += 1
        let old = busyCount[domain]?[context] ?? 0
        busyCount[domain, default: [:]][context] = old + 1
        if old == 0 { apply(domain, schedulers[domain]?.handle(.busy(context), now: sim.now) ?? []) }
    }

    mutating func completed(_ c: DeviceCompletion) {
        guard let rec = launches[c.id] else { return }
        let w = rec.workload
        let context = workloads[w].context
        let domain = c.engine.domain
        timeline?.completed(c.id, workload: workloads[w].spec.name, container: c.container, domain: domain, now: sim.now)
        onDevice[c.container, default: [:]][domain, default: 1] -= 1
        let n = (busyCount[domain]?[context] ?? 1) - 1
        busyCount[domain, default: [:]][context] = n
        if n == 0 { apply(domain, schedulers[domain]?.handle(.idle(context), now: sim.now) ?? []) }
        if c.engine == .compute || c.engine == .render { workloads[w].kernelsFinishedOnDevice += 1 }
        if c.engine == .compute {
            applyGate(gate.handle(.launchCompleted(container: c.container, launchID: c.id), now: sim.now))
        }
        switch c.engine {
        case .compute, .render:
            var delay = config.profile.completionLatency
            if case .inference(let s) = workloads[w].spec.kind { delay = delay + s.hostTime }
            sim.schedule(.seen(c.id), at: sim.now + delay)
        case .nvenc, .nvdec:
            seen(c.id)
        }
    }

    mutating func seen(_ id: UInt64) {
        guard let rec = launches.removeValue(forKey: id) else { return }
        let w = rec.workload
        if rec.engine == .compute || rec.engine == .render { workloads[w].kernelsCompleted += 1 }
        guard rec.lastOfRequest, let req = requests.removeValue(forKey: rec.request) else { return }
        let now = sim.now
        for a in req.arrivals { workloads[w].recorder.record(now - a) }
        if timeline != nil {
            for a in req.arrivals {
                timeline?.request(workload: workloads[w].spec.name, container: workloads[w].container,
                                  domain: rec.engine.domain, arrival: a, now: now)
            }
        }
        if workloads[w].histogram != nil {
            for a in req.arrivals { workloads[w].histogram?.record(Double((now - a).nanoseconds) * 1e-9) }
        }
        workloads[w].completed += req.arrivals.count
        if now >= workloads[w].startAt && now <= workloads[w].stopAt {
            workloads[w].completedInWindow += req.arrivals.count
        }
        workloads[w].lastSeen = now
        workloads[w].outstanding -= 1
        switch workloads[w].spec.kind {
        case .kernels: tryStartRequests(w)
        case .inference: tryBatch(w)
        case .render, .codec: refillFrames(w)
        case .memory: break
        }
    }

    mutating func apply(_ domain: SliceDomain, _ actions: [ContextSchedulerAction]) {
        for a in actions {
            switch a {
            case .grant(let c, let cost):
                let switchesBefore = device.grants[domain]?.switches ?? 0
                device.grant(domain, to: c, switchCost: cost)
                if timeline != nil { recordGrant(domain, to: c, switchesBefore: switchesBefore) }
            case .shareAll:
                timeline?.shared(domain, now: sim.now)
                device.shareAll(domain)
            case .setTimer(let at, let token):
                let id = sim.schedule(.schedulerTimer(domain, token), at: max(at, sim.now), priority: 1)
                schedulerTimers[domain, default: [:]][token] = id
            case .cancelTimer(let token):
                if let id = schedulerTimers[domain]?.removeValue(forKey: token) { sim.cancel(id) }
            }
        }
    }

    /// Timeline: `context` now holds `domain` (nil: nobody); a switch shows as its cost.
    mutating func recordGrant(_ domain: SliceDomain, to context: ContainerID?, switchesBefore: Int) {
        let g = device.grants[domain]
        let switched = (g?.switches ?? 0) > switchesBefore
        let cost = switched ? max(.zero, (g?.switchingUntil ?? sim.now) - sim.now) : .zero
        let busy = timeline?.holder(of: domain).map { (busyCount[domain]?[$0] ?? 0) > 0 } ?? false
        timeline?.granted(domain, to: context, switchCost: cost, now: sim.now, previousBusy: busy)
    }
}
