import ColoModel
import SimEngine

extension ScenarioLoader {
    /// One `workloads[j]` entry: common keys, then the keys of its `kind`.
    static func parseWorkload(_ w: inout MappingReader, profile: DeviceProfile) throws -> WorkloadSpec {
        let name = try w.string("name", required: true) ?? ""
        let kindName = try w.choice("kind", ["kernels", "inference", "render", "codec", "memory"], required: true) ?? ""
        let priority = try parsePriority(&w, "priority")
        let sla = try w.double("sla_ms", min: 0, minExclusive: true).map { SimDuration.milliseconds($0) }
        let start = try w.double("start_s", min: 0) ?? 0
        let stop = try w.double("stop_s", min: 0, minExclusive: true)
        if let stop, stop <= start { throw w.error("stop_s", "must be after start_s (\(start) s)") }
        let kind: WorkloadSpec.Kind
        switch kindName {
        case "kernels":
            let arrival = try parseArrival(&w)
            let k = try w.mapping("kernel", required: true)
            guard let shape = try k.map({ r -> KernelShape in var r = r; let s = try parseShape(&r); try r.finish(); return s }) else {
                throw w.missing("kernel")
            }
            _ = k
            let perRequest = try w.int("kernels_per_request", min: 1) ?? 1
            let inFlight = try w.int("in_flight", min: 1) ?? 1
            let streamPriority = try w.int("stream_priority") ?? 0
            kind = .kernels(KernelStreamSpec(arrival: arrival, kernel: shape, kernelsPerRequest: perRequest,
                                             inFlight: inFlight, streamPriority: streamPriority))
        case "inference":
            let arrival = try parseArrival(&w)
            var s = InferenceSpec(arrival: arrival)
            if let v = try w.int("max_batch", min: 1) { s.maxBatch = v }
            if let v = try w.double("max_wait_ms", min: 0) { s.maxWait = .milliseconds(v) }
            if let v = try w.double("alpha_ms", min: 0) { s.alpha = .milliseconds(v) }
            if let v = try w.double("beta_ms", min: 0) { s.beta = .milliseconds(v) }
            if let v = try w.double("host_ms", min: 0) { s.hostTime = .milliseconds(v) }
            if let v = try w.int("knee_batch", min: 1) { s.kneeBatch = v }
            if let v = try w.double("dram_fraction", min: 0, max: 1) { s.dramFraction = v }
            if let v = try w.int("blocks_per_item", min: 1) { s.blocksPerItem = v }
            if let v = try w.double("block_us", min: 0, minExclusive: true) { s.blockDuration = .microseconds(v) }
            kind = .inference(s)
        case "render":
            let fps = try w.double("fps", min: 0, minExclusive: true)
            guard var f = try w.mapping("frame", required: true) else { throw w.missing("frame") }
            let shape = try parseShape(&f)
            try f.finish()
            let inFlight = try w.int("in_flight", min: 1) ?? 2
            kind = .render(RenderSpec(framesPerSecond: fps, frame: shape, inFlight: inFlight))
        case "codec":
            let engine = try w.choice("engine", ["nvenc", "nvdec"], required: true) == "nvdec" ? EngineKind.nvdec : .nvenc
            let fps = try w.double("fps", min: 0, minExclusive: true)
            let work = try w.double("frame_ms", min: 0, minExclusive: true).map { SimDuration.milliseconds($0) }
            let inFlight = try w.int("in_flight", min: 1) ?? 4
            kind = .codec(CodecStreamSpec(engine: engine, framesPerSecond: fps, frameWork: work, inFlight: inFlight))
        default:
            let gib = try w.double("gib", min: 0, minExclusive: true)
            let bytes = try w.int("bytes", min: 1)
            guard let size = bytes.map(Int64.init) ?? gib.map({ Int64(($0 * 1_073_741_824).rounded()) }) else {
                throw w.missing("gib")
            }
            let count = try w.int("count", min: 1) ?? 1
            let at = try w.double("at_s", min: 0) ?? 0
            let hold = try w.double("hold_s", min: 0, minExclusive: true).map { SimDuration.seconds($0) }
            kind = .memory(MemorySpec(bytes: size, count: count, at: .seconds(at), holdFor: hold))
        }
        return WorkloadSpec(name: name, kind: kind, priority: priority, latencySLA: sla, start: .seconds(start),
                            stop: stop.map { .seconds($0) })
    }

    /// `arrival` (`closed-loop`, `poisson`, `periodic`) and, for open loops, `rate_per_s`.
    static func parseArrival(_ w: inout MappingReader) throws -> ArrivalSpec {
        let a = try w.choice("arrival", ["closed-loop", "poisson", "periodic"]) ?? "closed-loop"
        let rate = try w.double("rate_per_s", min: 0, minExclusive: true)
        switch a {
        case "poisson", "periodic":
            guard let rate else { throw w.missing("rate_per_s") }
            return a == "poisson" ? .poisson(ratePerSecond: rate) : .periodic(ratePerSecond: rate)
        default:
            if rate != nil { throw w.error("rate_per_s", "a closed-loop arrival has no rate") }
            return .closedLoop
        }
    }

    /// A kernel or frame shape: `work_us` (or `work_ms`), `sm_fraction`, `dram_fraction`, `grid_blocks`, `block_us`.
    static func parseShape(_ k: inout MappingReader) throws -> KernelShape {
        let us = try k.double("work_us", min: 0, minExclusive: true)
        let ms = try k.double("work_ms", min: 0, minExclusive: true)
        if us != nil && ms != nil { throw k.error("work_ms", "give work_us or work_ms, not both") }
        guard let work = us.map({ SimDuration.microseconds($0) }) ?? ms.map({ SimDuration.milliseconds($0) }) else {
            throw k.missing("work_us")
        }
        let sm = try k.double("sm_fraction", min: 0, max: 1, minExclusive: true) ?? 1
        let dram = try k.double("dram_fraction", min: 0, max: 1) ?? 0
        let blocks = try k.int("grid_blocks", min: 1) ?? 1
        let block = try k.double("block_us", min: 0, minExclusive: true).map { SimDuration.microseconds($0) }
        return KernelShape(work: work, smFraction: sm, dramFraction: dram, gridBlocks: blocks, blockDuration: block)
    }
}
