import ColoModel
import SimEngine

extension SimulationConfig {
    /// Impossible values in this configuration; empty when it can run.
    public func problems() -> [SimulationConfigError] {
        var out: [SimulationConfigError] = []
        func need(_ ok: Bool, _ field: String, _ msg: String) {
            if !ok { out.append(SimulationConfigError(field: field, message: msg)) }
        }
        for p in profile.problems() { need(false, "device.\(p.field)", p.message) }
        need(duration > .zero, "duration", "must be > 0")
        need(drainLimit >= .zero, "drain", "must be >= 0")
        need(measureFrom >= .zero && measureFrom < duration, "measure_from", "must be in [0, duration)")
        need(shareWindow > .zero, "share_window", "must be > 0")
        var ids = Set<ContainerID>()
        var names = Set<String>()
        for (i, c) in containers.enumerated() {
            let f = "containers[\(i)]"
            need(ids.insert(c.id).inserted, "\(f).id", "duplicate container id \(c.id.rawValue)")
            need(c.weight > 0, "\(f).weight", "must be > 0, got \(c.weight)")
            if let l = c.limitPercent { need(l > 0 && l <= 100, "\(f).limit", "must be in (0, 100], got \(l)") }
            if let q = c.memoryQuotaBytes { need(q >= 0, "\(f).memory_quota", "must be >= 0") }
            for (j, w) in c.workloads.enumerated() {
                let wf = "\(f).workloads[\(j)]"
                need(names.insert(w.name).inserted, "\(wf).name", "duplicate workload name '\(w.name)'")
                need(w.start >= .zero, "\(wf).start", "must be >= 0")
                out += w.kind.problems(field: wf, profile: profile)
            }
        }
        for (g, group) in sharedContexts.enumerated() {
            for id in group { need(ids.contains(id), "shared_contexts[\(g)]", "unknown container id \(id.rawValue)") }
        }
        return out
    }
}

extension WorkloadSpec.Kind {
    func problems(field f: String, profile: DeviceProfile) -> [SimulationConfigError] {
        var out: [SimulationConfigError] = []
        func need(_ ok: Bool, _ field: String, _ msg: String) {
            if !ok { out.append(SimulationConfigError(field: "\(f).\(field)", message: msg)) }
        }
        func arrival(_ a: ArrivalSpec) {
            switch a {
            case .poisson(let r), .periodic(let r): need(r > 0 && r.isFinite, "rate", "must be > 0, got \(r)")
            case .closedLoop: break
            }
        }
        func shape(_ k: KernelShape, _ name: String) {
            need(k.work > .zero, "\(name).work", "must be > 0")
            need(k.smFraction > 0 && k.smFraction <= 1, "\(name).sm_fraction", "must be in (0, 1], got \(k.smFraction)")
            need(k.dramFraction >= 0 && k.dramFraction <= 1, "\(name).dram_fraction", "must be in [0, 1], got \(k.dramFraction)")
            need(k.gridBlocks >= 1, "\(name).grid_blocks", "must be >= 1, got \(k.gridBlocks)")
            need(k.blockDuration > .zero, "\(name).block_duration", "must be > 0")
        }
        switch self {
        case .kernels(let s):
            arrival(s.arrival)
            shape(s.kernel, "kernel")
            need(s.kernelsPerRequest >= 1, "kernels_per_request", "must be >= 1")
            need(s.inFlight >= 1, "in_flight", "must be >= 1, got \(s.inFlight)")
        case .inference(let s):
            arrival(s.arrival)
            need(s.maxBatch >= 1, "max_batch", "must be >= 1")
            need(s.maxWait >= .zero, "max_wait", "must be >= 0")
            need(s.alpha >= .zero && s.beta >= .zero && (s.alpha + s.beta) > .zero, "alpha", "α, β must be >= 0 and not both 0")
            need(s.hostTime >= .zero, "host_time", "must be >= 0")
            need(s.kneeBatch >= 1, "knee_batch", "must be >= 1")
            need(s.dramFraction >= 0 && s.dramFraction <= 1, "dram_fraction", "must be in [0, 1]")
            need(s.blocksPerItem >= 1, "blocks_per_item", "must be >= 1")
            need(s.blockDuration > .zero, "block_duration", "must be > 0")
        case .render(let s):
            if let fps = s.framesPerSecond { need(fps > 0 && fps.isFinite, "fps", "must be > 0, got \(fps)") }
            shape(s.frame, "frame")
            need(s.inFlight >= 1, "in_flight", "must be >= 1")
            need(profile.supportsGraphics, "kind", "device \(profile.name) has no graphics (render) support")
        case .codec(let s):
            need(s.engine == .nvenc || s.engine == .nvdec, "engine", "must be nvenc or nvdec")
            if let fps = s.framesPerSecond { need(fps > 0 && fps.isFinite, "fps", "must be > 0, got \(fps)") }
            if let w = s.frameWork { need(w > .zero, "frame_work", "must be > 0") }
            need(s.inFlight >= 1, "in_flight", "must be >= 1")
            need(profile.engineCount(s.engine) > 0, "engine", "device \(profile.name) has no \(s.engine.rawValue) engine")
        case .memory(let s):
            need(s.bytes > 0, "bytes", "must be > 0")
            need(s.count >= 1, "count", "must be >= 1")
            need(s.at >= .zero, "at", "must be >= 0")
            if let h = s.holdFor { need(h > .zero, "hold_for", "must be > 0") }
        }
        return out
    }
}
