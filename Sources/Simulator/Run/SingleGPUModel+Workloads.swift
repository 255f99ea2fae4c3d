import ColoModel
import GPUDevice
import Metrics
import SimEngine
import Workload

extension SingleGPUModel {
    mutating func startWorkload(_ w: Int) {
        let now = sim.now
        guard now < workloads[w].stopAt else { return }
        workloads[w].active = true
        sim.schedule(.stop(w), at: workloads[w].stopAt, priority: 4)
        switch workloads[w].spec.kind {
        case .kernels(let k):
            if case .closedLoop = k.arrival { tryStartRequests(w) } else { scheduleNextArrival(w) }
        case .inference(let s):
            if case .closedLoop = s.arrival { tryBatch(w) } else { scheduleNextArrival(w) }
        case .render(let r):
            if r.framesPerSecond != nil { tick(w) } else { refillFrames(w) }
        case .codec(let c):
            if c.framesPerSecond != nil { tick(w) } else { refillFrames(w) }
        case .memory(let m):
            sim.schedule(.allocate(w), at: workloads[w].startAt + m.at)
        }
    }

    mutating func scheduleNextArrival(_ w: Int) {
        guard let gap = workloads[w].arrivals?.nextGapNanoseconds() else { return }
        let t = Instant(nanoseconds: sim.now.nanoseconds + gap)
        if t < workloads[w].stopAt { sim.schedule(.arrival(w), at: t) }
    }

    mutating func arrival(_ w: Int) {
        guard workloads[w].active else { return }
        workloads[w].issued += 1
        workloads[w].pending.append(sim.now)
        scheduleNextArrival(w)
        if case .inference = workloads[w].spec.kind { tryBatch(w) } else { tryStartRequests(w) }
    }

    mutating func newRequest(_ w: Int, arrivals: [Instant]) -> UInt64 {
        let rid = nextRequestID
        nextRequestID += 1
        requests[rid] = RequestRecord(arrivals: arrivals)
        workloads[w].outstanding += 1
        return rid
    }

    mutating func newLaunch(_ w: Int, request: UInt64, engine: EngineKind, shape: KernelShape?,
                            codec: CodecFrame?, last: Bool) -> UInt64 {
        let id = nextLaunchID
        nextLaunchID += 1
        launches[id] = LaunchRecord(workload: w, request: request, engine: engine, shape: shape, codec: codec,
                                    lastOfRequest: last)
        return id
    }

    /// Kernel streams: start queued requests up to the in-flight limit.
    mutating func tryStartRequests(_ w: Int) {
        guard case .kernels(let k) = workloads[w].spec.kind else { return }
        var started = false
        while workloads[w].outstanding < k.inFlight {
            let arrival: Instant
            if case .closedLoop = k.arrival {
                guard workloads[w].active else { break }
                workloads[w].issued += 1
                arrival = sim.now
            } else {
                guard workloads[w].pendingCount > 0 else { break }
                arrival = workloads[w].popPending()
            }
            let rid = newRequest(w, arrivals: [arrival])
            for j in 0..<k.kernelsPerRequest {
                let id = newLaunch(w, request: rid, engine: .compute, shape: k.kernel, codec: nil,
                                   last: j == k.kernelsPerRequest - 1)
                workloads[w].launchQueue.append(id)
            }
            started = true
        }
        if started { pumpThread(w) }
    }

    /// Inference: close a batch when it is full, its oldest request has waited `maxWait`, or the
    /// workload has stopped; one batch in flight.
    mutating func tryBatch(_ w: Int) {
        guard case .inference(let s) = workloads[w].spec.kind, workloads[w].outstanding == 0 else { return }
        if case .closedLoop = s.arrival, workloads[w].active {
            while workloads[w].pendingCount < s.maxBatch {
                workloads[w].pending.append(sim.now)
                workloads[w].issued += 1
            }
        }
        guard workloads[w].pendingCount > 0 else { return }
        let oldest = workloads[w].pending[workloads[w].pendingHead]
        if workloads[w].pendingCount >= s.maxBatch || sim.now >= oldest + s.maxWait || !workloads[w].active {
            let b = min(s.maxBatch, workloads[w].pendingCount)
            var arrivals: [Instant] = []
            arrivals.reserveCapacity(b)
            for _ in 0..<b { arrivals.append(workloads[w].popPending()) }
            let work = SimDuration(nanoseconds: s.alpha.nanoseconds * Int64(b) + s.beta.nanoseconds)
            let shape = KernelShape(work: work, smFraction: min(1, Double(b) / Double(s.kneeBatch)),
                                    dramFraction: s.dramFraction, gridBlocks: s.blocksPerItem * b,
                                    blockDuration: min(s.blockDuration, work))
            let rid = newRequest(w, arrivals: arrivals)
            let id = newLaunch(w, request: rid, engine: .compute, shape: shape, codec: nil, last: true)
            workloads[w].launchQueue.append(id)
            pumpThread(w)
        } else {
            workloads[w].batchGeneration += 1
            sim.schedule(.batchTimeout(w, workloads[w].batchGeneration), at: oldest + s.maxWait)
        }
    }

    /// Render / codec: one periodic frame (dropped when the queue is full).
    mutating func tick(_ w: Int) {
        guard workloads[w].active else { return }
        let fps: Double?
        let limit: Int
        switch workloads[w].spec.kind {
        case .render(let r): fps = r.framesPerSecond; limit = r.inFlight
        case .codec(let c): fps = c.framesPerSecond; limit = c.inFlight
        default: return
        }
        if let fps {
            let t = sim.now + .seconds(1 / fps)
            if t < workloads[w].stopAt { sim.schedule(.tick(w), at: t) }
        }
        workloads[w].issued += 1
        if workloads[w].outstanding < limit { issueFrame(w) } else { workloads[w].dropped += 1 }
    }

    /// Render / codec kept fed: top the queue up.
    mutating func refillFrames(_ w: Int) {
        let limit: Int
        switch workloads[w].spec.kind {
        case .render(let r) where r.framesPerSecond == nil: limit = r.inFlight
        case .codec(let c) where c.framesPerSecond == nil: limit = c.inFlight
        default: return
        }
        while workloads[w].active && workloads[w].outstanding < limit {
            workloads[w].issued += 1
            issueFrame(w)
        }
    }

    mutating func issueFrame(_ w: Int) {
        let rid = newRequest(w, arrivals: [sim.now])
        switch workloads[w].spec.kind {
        case .render(let r):
            let id = newLaunch(w, request: rid, engine: .render, shape: r.frame, codec: nil, last: true)
            workloads[w].launchQueue.append(id)
            pumpThread(w)
        case .codec(let c):
            let frame = CodecFrame(engine: c.engine, work: c.frameWork ?? config.profile.codecFrameWork(c.engine))
            let id = newLaunch(w, request: rid, engine: c.engine, shape: nil, codec: frame, last: true)
            reachDevice(id)
        default: break
        }
    }

    mutating func allocate(_ w: Int) {
        guard case .memory(let m) = workloads[w].spec.kind else { return }
        let c = workloads[w].container
        for _ in 0..<m.count {
            workloads[w].issued += 1
            let req = MemoryRequest(container: c, bytes: m.bytes)
            let decision = device.memory.allocate(req)
            if decision.isGranted {
                workloads[w].completed += 1
                workloads[w].completedInWindow += 1
                if let hold = m.holdFor { sim.schedule(.free(w, m.bytes), at: sim.now + hold) }
            } else {
                oomEvents.append(OOMEvent(time: sim.now, request: req, decision: decision))
                oomCount[c, default: 0] += 1
            }
        }
    }
}
