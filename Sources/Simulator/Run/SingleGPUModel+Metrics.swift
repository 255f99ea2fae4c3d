import ColoModel
import GPUDevice
import Metrics
import SimEngine

extension SingleGPUModel {
    /// Closes the current share window and opens the next.
    mutating func closeWindow() {
        let now = sim.now
        let elapsed = Double(now.nanoseconds - windowStart.nanoseconds)
        var shares: [ContainerID: EngineShares] = [:]
        for c in config.containers {
            let u = device.usage(of: c.id)
            shares[c.id] = u.shares(since: windowUsage[c.id] ?? EngineUsage(), elapsed: elapsed)
            windowUsage[c.id] = u
        }
        windows.append(ShareWindow(start: windowStart, end: now, shares: shares, demanded: windowDemand))
        windowStart = now
        windowDemand = [:]
        for (c, domains) in onDevice {
            for (d, n) in domains where n > 0 { windowDemand[c, default: []].insert(d) }
        }
        let next = now + config.shareWindow
        if next <= .zero + config.duration { sim.schedule(.windowEnd, at: next, priority: 5) }
    }

    /// Records every container's usage integrals for trailing-window utilization.
    mutating func takeSample() {
        samples.append((sim.now, config.containers.map { device.usage(of: $0.id) }))
        if samples.count > 4096 { samples.removeFirst(2048) }
        if !ended { sim.schedule(.utilSample, at: sim.now + Self.utilSamplePeriod, priority: 3) }
    }

    /// SM utilization of every container over `[now − window, now]` (compute + render SM share).
    func utilization(over window: SimDuration) -> [ContainerID: Double] {
        let target = sim.now - window
        var base: (time: Instant, usage: [EngineUsage]) = (.zero, [])
        // Latest sample at or before the window start (samples are in time order).
        var lo = 0, hi = samples.count - 1, found = -1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if samples[mid].time <= target { found = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        if found >= 0 { base = samples[found] } else if target > .zero, let first = samples.first { base = first }
        let elapsed = Double(sim.now.nanoseconds - base.time.nanoseconds)
        var out: [ContainerID: Double] = [:]
        for (k, c) in config.containers.enumerated() {
            guard elapsed > 0 else { out[c.id] = 0; continue }
            let now = device.usage(of: c.id)
            let then = k < base.usage.count ? base.usage[k] : EngineUsage()
            out[c.id] = max(0, ((now.compute + now.render) - (then.compute + then.render)) / elapsed)
        }
        return out
    }

    func makeResult(endTime: Instant) -> SimulationResult {
        let total = Double(max(1, endTime.nanoseconds))
        var h = digest
        let totalWeight = config.containers.reduce(0) { $0 + $1.weight }
        var workloadResults: [WorkloadResult] = []
        for w in workloads {
            let from = max(w.startAt.nanoseconds, config.measureFrom.nanoseconds)
            let span = Double(max(1, w.stopAt.nanoseconds - from)) * 1e-9
            // Node-model evaluations read the mergeable histogram; HdrHistogram's summary is skipped there.
            let lat = config.recordLatencyBuckets ? nil : w.recorder.summary()
            var r = WorkloadResult(
                name: w.spec.name, kind: w.spec.kind.label, container: w.container, issued: w.issued,
                completed: w.completed, dropped: w.dropped,
                throughputPerSecond: Double(w.completedInWindow) / span, kernelsCompleted: w.kernelsCompleted,
                latency: lat, slaAttainment: w.recorder.slaAttainment, throttledLaunches: w.throttled,
                latencyCDF: config.recordLatencyBuckets ? [] : w.recorder.cdf())
            r.latencyBuckets = w.histogram?.sparse
            h.combine(UInt64(w.completed))
            h.combine(UInt64(w.kernelsCompleted))
            h.combine(lat?.p99.nanoseconds ?? 0)
            workloadResults.append(r)
        }
        var containerResults: [ContainerResult] = []
        for c in config.containers {
            let s = device.usage(of: c.id).shares(since: EngineUsage(), elapsed: total)
            containerResults.append(ContainerResult(
                id: c.id, name: c.name, configuredShare: totalWeight > 0 ? c.weight / totalWeight : 0,
                achievedShare: s, peakMemoryBytes: device.memory.peakBy[c.id] ?? 0, oomCount: oomCount[c.id] ?? 0))
            h.combine(s.compute)
            h.combine(s.render)
            h.combine(s.nvenc)
            h.combine(s.nvdec)
        }
        let gpu = GPUResult(utilization: device.busyTime / total, smUtilization: device.smTime / total,
                            nvencUtilization: device.nvencTime / total, nvdecUtilization: device.nvdecTime / total,
                            contextSwitches: device.grants[.graphics]?.switches ?? 0)
        h.combine(gpu.utilization)
        h.combine(gpu.smUtilization)
        return SimulationResult(digest: h.value, simulatedTime: SimDuration(nanoseconds: endTime.nanoseconds),
                                events: sim.eventsProcessed, gpu: gpu, workloads: workloadResults,
                                containers: containerResults, shareWindows: windows, oomEvents: oomEvents,
                                invariantViolations: violations,
                                lastCompletion: Dictionary(workloads.map { ($0.spec.name, $0.lastSeen) },
                                                           uniquingKeysWith: { a, _ in a }))
    }
}

extension SingleGPUModel {
    /// The device's busy and SM time so far, and per workload the kernels finished on the device plus
    /// the finished fraction of those running now. O(workloads + items on the device).
    func snapshotNow() -> DurationSnapshot {
        var kernels = workloads.map { Double($0.kernelsFinishedOnDevice) }
        for item in device.graphics {
            guard let rec = launches[item.id], rec.workload < kernels.count else { continue }
            let work = Double(item.shape.work.nanoseconds)
            guard work > 0 else { continue }
            kernels[rec.workload] += min(1, max(0, 1 - item.remaining / work))
        }
        return DurationSnapshot(busyTime: device.busyTime, smTime: device.smTime, kernels: kernels)
    }
}

extension SingleGPUModel {
    /// The warm-up ends (``SimulationConfig/measureFrom``): the device's totals so far are kept to be
    /// subtracted at the end, and every workload's counts and latencies start afresh
    /// (``WorkloadState/restartMeasurement(recordingBuckets:)``; requests in flight now count when they
    /// complete, with their whole latency). O(workloads + items on the device).
    mutating func startMeasurement() {
        measureStartSnapshot = snapshotNow()
        for w in workloads.indices { workloads[w].restartMeasurement(recordingBuckets: config.recordLatencyBuckets) }
    }
}
