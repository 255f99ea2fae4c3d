import ColoModel
import Foundation
import Isolation
import Scheduling
import SimEngine
import Simulator
import Workload
import Yams

/// Loads `schema: cluster` scenario files (docs/cluster.md) with the same file:line:field errors
/// as the single-GPU loader.
public enum ClusterScenarioLoader {
    /// The value of the root `schema` key, or nil (used to route a file to the right loader).
    public static func schema(ofFile path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
              let root = try? Yams.compose(yaml: text), let m = root.mapping else { return nil }
        for (k, v) in m where k.scalar?.string == "schema" { return v.scalar?.string }
        return nil
    }

    /// Loads the cluster scenario at `path`.
    public static func load(path: String) throws -> ClusterScenario {
        try parse(yaml: ScenarioDocument.text(atPath: path, .brief), file: path)
    }

    /// Parses cluster scenario text; `file` names it in errors and anchors relative trace paths.
    public static func parse(yaml: String, file: String) throws -> ClusterScenario {
        var r = try ScenarioDocument.root(yaml: yaml, file: file, .brief)
        let index = r.index
        _ = try r.choice("schema", ["cluster"], required: true)
        let name = try r.string("name") ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let description = try r.string("description") ?? ""
        let seed = try r.seed("seed") ?? 1
        let duration = try r.double("duration_s", required: true, min: 0, minExclusive: true) ?? 1
        let step = try r.double("step_s", min: 0, minExclusive: true) ?? 10
        if step > duration { throw r.error("step_s", "must not exceed duration_s (\(duration) s)") }
        try r.checkSteps("step_s", span: duration, step: step)
        let policyName = try r.choice("policy", ColocationPolicyKind.names, required: true) ?? "dedicated"
        let policy = ColocationPolicyKind(rawValue: policyName) ?? .dedicated
        var compare: [ColocationPolicyKind] = []
        if let items = try r.sequence("compare") {
            for (i, item) in items.enumerated() {
                let base = (item.scalar?.string).flatMap { $0.split(separator: "+", maxSplits: 1).first.map(String.init) }
                let engine = (item.scalar?.string).flatMap { $0.split(separator: "+", maxSplits: 1).dropFirst().first.map(String.init) }
                if let engine, !ScenarioLoader.engineNames.contains(engine) {
                    throw ScenarioError(file: file, line: item.mark?.line, field: "compare[\(i)]",
                                        "unknown engine '\(engine)' after '+'; expected one of \(ScenarioLoader.engineNames.joined(separator: ", "))")
                }
                guard let b = base, let k = ColocationPolicyKind(rawValue: b) else {
                    throw ScenarioError(file: file, line: item.mark?.line, field: "compare[\(i)]",
                                        "unknown policy; expected one of \(ColocationPolicyKind.names.joined(separator: ", ")) (optionally +ENGINE, e.g. shared+kernel-mode)")
                }
                compare.append(k)
            }
        }

        guard var cl = try r.mapping("cluster", required: true) else { throw r.missing("cluster") }
        var profile = DeviceProfile.named(DeviceProfile.defaultName) ?? .v100SXM2_16GB
        if let p = try cl.choice("profile", DeviceProfile.catalogNames), let named = DeviceProfile.named(p) { profile = named }
        let memory = try cl.int("gpu_memory_mib", min: 1) ?? Int(profile.memoryBytes / 1_048_576)
        // Nodes: `nodes` × `gpus_per_node`, or `node_groups` for nodes that differ.
        let groups = try parseNodeGroups(&cl, memory: memory, file: file, index: index)
        if groups != nil {
            for key in ["nodes", "gpus_per_node"] where cl.has(key) {
                throw cl.error(key, "give either cluster.nodes × cluster.gpus_per_node or cluster.node_groups, not both")
            }
        }
        let nodeLayout: [Int]
        if let groups {
            nodeLayout = groups.flatMap { Array(repeating: $0.gpus, count: $0.count) }
        } else {
            let n = try cl.int("nodes", required: true, min: 1, max: InputLimits.maxNodes) ?? 1
            let per = try cl.int("gpus_per_node", required: true, min: 1, max: InputLimits.maxGPUsPerNode) ?? 1
            nodeLayout = Array(repeating: per, count: n)
        }
        let nodes = nodeLayout.count, perNode = nodeLayout.max() ?? 1
        var nodeNames: [String] = []
        if let items = try cl.sequence("node_names") {
            for (i, item) in items.enumerated() {
                guard let n = item.scalar?.string, !n.isEmpty else {
                    throw ScenarioError(file: file, line: item.mark?.line, field: "cluster.node_names[\(i)]", "expected a node name")
                }
                if nodeNames.contains(n) {
                    throw ScenarioError(file: file, line: item.mark?.line, field: "cluster.node_names[\(i)]", "duplicate node name '\(n)'")
                }
                nodeNames.append(n)
            }
        }
        try cl.finish()
        let startFrom = try r.choice("start_from", ["current", "empty"]) ?? "current"

        var placement: PlacementPolicyKind?
        if let p = try r.choice("placement", PlacementPolicyKind.allCases.map(\.rawValue)) { placement = PlacementPolicyKind(rawValue: p) }
        let fidelityName = try r.choice("fidelity", ClusterFidelity.names) ?? ClusterFidelity.response.rawValue
        var responseWindow = 20.0
        var loadGrid = 0.02
        var beGrid: Double?
        var beWindow: Double?
        if var f = try r.mapping("response") {
            responseWindow = try f.double("window_s", min: 0.1, max: 3600) ?? responseWindow
            loadGrid = try f.double("load_grid", min: 0.001, max: 0.5) ?? loadGrid
            beGrid = try f.double("be_grid", min: 0.001, max: 0.5)
            beWindow = try f.double("be_window_s", min: 0.1, max: 3600)
            try f.finish()
        }
        var colo = ColocationConfig(kind: .shared, gpuCount: nodeLayout.reduce(0, +), gpusPerNode: perNode, gpuMemoryMiB: memory)
        if let groups, groups.contains(where: { $0.memoryMiB != memory }) {
            colo.gpuMemoryMiBs = groups.flatMap { Array(repeating: $0.memoryMiB, count: $0.count * $0.gpus) }
        }
        if var c = try r.mapping("colocation") {
            if let v = try c.int("max_be_per_gpu", min: 1, max: 15) { colo.maxBEPerGPU = v }
            if let v = try c.int("max_pods_per_gpu", min: 1, max: 64) { colo.maxPodsPerGPU = v }
            if let p = try c.choice("be_placement", PlacementPolicyKind.allCases.map(\.rawValue)),
               let k = PlacementPolicyKind(rawValue: p) { colo.bePlacement = k }
            try c.finish()
        }
        var iso = ScenarioLoader.IsolationParameters(
            engine: nil, user: UserModeParameters(smCount: Int64(profile.sms), maxThreadsPerSM: Int64(profile.maxThreadsPerSM)),
            sliced: TimeSlicedQuotaEngine.Parameters(), kernel: KernelModeParameters(), kernelPolicy: nil, totalWeight: nil)
        if var i = try r.mapping("isolation") {
            iso = try ScenarioLoader.parseIsolationParameters(&i, profile: profile, engineRequired: false)
            try i.finish()
        }
        var scaleInterval = 300.0
        var startup = 60.0
        var forecast = true
        if var t = try r.mapping("tidal") {
            forecast = try t.bool("forecast") ?? true
            scaleInterval = try t.double("scale_interval_s", min: 0, minExclusive: true) ?? scaleInterval
            startup = try t.double("replica_startup_s", min: 0) ?? startup
            try t.checkSteps("scale_interval_s", span: duration, step: scaleInterval)
            try t.finish()
        }

        var shapers: [String: DutyCycleShaper] = [:]
        var services: [ClusterScenario.Service] = []
        var names = Set<String>()
        var origins: [String: ClusterPodOrigin] = [:]
        for (i, item) in (try r.sequence("services") ?? []).enumerated() {
            var s = try MappingReader(item, path: "services[\(i)]", file: file, index: index)
            var svc = try parseService(&s, file: file, shapers: &shapers)
            if !names.insert(svc.base.name).inserted { throw s.error("name", "duplicate service name '\(svc.base.name)'") }
            svc.base.pinnedGPUs = try parseBindings(&s, count: svc.base.replicas, nodeNames: nodeNames,
                                                    nodeLayout: nodeLayout, file: file, index: index)
            if let o = try parseOrigin(&s) { origins[svc.base.name] = o }
            try s.finish()
            services.append(svc)
        }
        var jobs: [ClusterJobConfig] = []
        for (i, item) in (try r.sequence("jobs") ?? []).enumerated() {
            var j = try MappingReader(item, path: "jobs[\(i)]", file: file, index: index)
            var made = try parseJobs(&j, duration: duration)
            let pins = try parseBindings(&j, count: made.count, nodeNames: nodeNames, nodeLayout: nodeLayout,
                                         file: file, index: index)
            for (k, g) in pins.enumerated() where g >= 0 { made[k].pinnedGPU = g }
            if let o = try parseOrigin(&j), let first = made.first { origins[first.name] = o }
            jobs += made
            try j.finish()
        }
        if services.isEmpty && jobs.isEmpty { throw r.error("services", "needs at least one service or job") }
        try r.finish()

        var base = ClusterSimulationConfig(
            nodes: nodes, gpusPerNode: perNode, policy: policy, colocation: colo, services: [], jobs: jobs,
            duration: duration, step: step, scaleInterval: scaleInterval, replicaStartup: startup, seed: seed)
        base.forecast = forecast
        base.nodeGPUCounts = groups == nil ? nil : nodeLayout
        base.profile = profile
        if let groups, groups.contains(where: { $0.profile != nil && $0.profile != profile }) {
            base.gpuProfiles = groups.flatMap { Array(repeating: $0.profile ?? profile, count: $0.count * $0.gpus) }
        }
        base.placement = placement
        base.fidelity = ClusterFidelity(rawValue: fidelityName) ?? .response
        base.responseWindow = responseWindow
        base.loadGrid = loadGrid
        base.beLoadGrid = beGrid
        base.beResponseWindow = beWindow
        base.userMode = iso.user
        base.timeSliced = iso.sliced
        base.kernelMode = iso.kernel
        base.kernelModePolicy = iso.kernelPolicy
        base.engine = iso.engine
        base.startFromBindings = startFrom == "current"
        var scenario = ClusterScenario(name: name, description: description, file: file, seed: seed, policy: policy,
                                       comparePolicies: compare, base: base, services: services)
        scenario.nodeNames = nodeNames
        scenario.origins = origins
        return scenario
    }

    /// Resolves a trace path: as given (relative to the working directory), else relative to the
    /// scenario file's folder and its parent (the repository root for files under `scenarios/`).
    static func resolve(_ path: String, scenarioFile: String) -> String {
        if FileManager.default.fileExists(atPath: path) || path.hasPrefix("/") { return path }
        let dir = URL(fileURLWithPath: scenarioFile).deletingLastPathComponent()
        for base in [dir, dir.deletingLastPathComponent()] {
            let p = base.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: p) { return p }
        }
        return path
    }

    static func missingTrace(_ path: String) -> String {
        "no such trace file '\(path)' (tried from the working directory, the scenario's folder and its parent)"
    }

    /// A malformed trace named by a scenario: the trace's own file, line, column and field.
    static func traceProblem(_ e: TraceError) -> ScenarioError {
        ScenarioError(file: e.file, line: e.line, field: e.columnName,
                      (e.column.map { "column \($0): " } ?? "") + e.message)
    }

    static func parseService(_ s: inout MappingReader, file: String,
                             shapers: inout [String: DutyCycleShaper]) throws -> ClusterScenario.Service {
        guard let name = try s.string("name", required: true) else { throw s.missing("name") }
        let replicas = try s.int("replicas", min: 1, max: 100_000) ?? 1
        let fps = s.has("fps") ? try s.double("fps", min: 0, max: 1000, minExclusive: true) : nil
        let p99 = try s.double("p99_ms", required: fps == nil, min: 0, minExclusive: true) ?? (1000 / (fps ?? 20))
        var lat = ClusterLatencyModel()
        if let v = try s.double("alpha_ms", min: 0) { lat.alpha = v / 1000 }
        if let v = try s.double("beta_ms", min: 0, minExclusive: true) { lat.beta = v / 1000 }
        if let v = try s.double("host_ms", min: 0) { lat.hostTime = v / 1000 }
        if let v = try s.int("knee_batch", min: 1) { lat.kneeBatch = Double(v) }
        if let v = try s.int("max_batch", min: 1, max: 4096) { lat.maxBatch = v }
        let milli = try s.int("gpu_milli", min: 1, max: 1000) ?? 500
        let mem = try s.int("memory_mib", min: 0) ?? 4096
        let weight = try s.double("weight", min: 0, minExclusive: true) ?? 1
        let dram = try s.double("dram_fraction", min: 0, max: 1) ?? 0.3
        var tidal: TidalService?
        if var t = try s.mapping("tidal") {
            let cap = try t.double("capacity_rps", min: 0, minExclusive: true) ?? lat.peakThroughput * 0.7
            let head = try t.double("headroom", min: 1) ?? 1.2
            let lo = try t.int("min_replicas", min: 1) ?? 1
            let hi = try t.int("max_replicas", min: 1) ?? Int.max
            if hi < lo { throw t.error("max_replicas", "must be ≥ min_replicas (\(lo))") }
            tidal = TidalService(capacityPerReplica: cap, headroom: head, minReplicas: lo, maxReplicas: hi)
            try t.finish()
        }
        let lifetimes = try s.doubles("lifetimes_s", min: 0) ?? []
        if s.has("lifetimes_s") && lifetimes.isEmpty { throw s.error("lifetimes_s", "needs at least one lifetime") }
        if !lifetimes.isEmpty && tidal != nil { throw s.error("lifetimes_s", "tidal services start and stop their own replicas; give one of lifetimes_s and tidal") }
        let kind = try parseServiceKind(&s)
        if kind != .inference {
            if s.has("load") { throw s.error("load", "render and codec services issue frames at their fps; they take no load") }
            var base = ClusterServiceConfig(name: name, replicas: replicas, load: .frames, latency: lat,
                                            p99Target: p99 / 1000, gpuMilli: milli, memoryMiB: mem, weight: weight,
                                            dramFraction: dram, tidal: nil)
            base.kind = kind
            base.lifetimes = lifetimes
            return ClusterScenario.Service(base: base, load: .frames)
        }
        guard var l = try s.mapping("load", required: true) else { throw s.missing("load") }
        let load = try parseLoad(&l, file: file, shapers: &shapers)
        try l.finish()
        var placeholder: ClusterServiceConfig.Load = .arrivals(.poisson(rate: 0))
        if case .arrivals(let a) = load { placeholder = .arrivals(a) }
        var base = ClusterServiceConfig(name: name, replicas: replicas, load: placeholder, latency: lat,
                                        p99Target: p99 / 1000, gpuMilli: milli, memoryMiB: mem, weight: weight,
                                        dramFraction: dram, tidal: tidal)
        base.lifetimes = lifetimes
        return ClusterScenario.Service(base: base, load: load)
    }

    /// `kind` of a service: inference (default), render (`fps`, `frame_ms`, `sm_fraction`, `in_flight`) or
    /// codec (`engine`: nvenc | nvdec, `fps`, `frame_ms`, `in_flight`).
    static func parseServiceKind(_ s: inout MappingReader) throws -> ClusterServiceConfig.Kind {
        let kind = try s.choice("kind", ["inference", "render", "codec"]) ?? "inference"
        switch kind {
        case "render":
            let fps = try s.double("fps", required: true, min: 0, max: 1000, minExclusive: true) ?? 60
            let frame = try s.double("frame_ms", required: true, min: 0, max: 10_000, minExclusive: true) ?? 5
            let sm = try s.double("sm_fraction", min: 0, max: 1, minExclusive: true) ?? 1
            let inFlight = try s.int("in_flight", min: 1, max: 64) ?? 2
            let shape = KernelShape(work: .milliseconds(frame), smFraction: sm, dramFraction: 0.3, gridBlocks: 1,
                                    blockDuration: .microseconds(min(frame * 1000, 500)))
            return .render(RenderSpec(framesPerSecond: fps, frame: shape, inFlight: inFlight))
        case "codec":
            let engine = try s.choice("engine", ["nvenc", "nvdec"]) ?? "nvenc"
            let fps = try s.double("fps", required: true, min: 0, max: 10_000, minExclusive: true) ?? 30
            let frame = try s.double("frame_ms", min: 0, max: 10_000, minExclusive: true)
            let inFlight = try s.int("in_flight", min: 1, max: 64) ?? 4
            return .codec(CodecStreamSpec(engine: engine == "nvdec" ? .nvdec : .nvenc, framesPerSecond: fps,
                                          frameWork: frame.map { .milliseconds($0) }, inFlight: inFlight))
        default:
            return .inference
        }
    }

    static func parseLoad(_ l: inout MappingReader, file: String,
                          shapers: inout [String: DutyCycleShaper]) throws -> ClusterScenario.ServiceLoad {
        var found: [ClusterScenario.ServiceLoad] = []
        if let v = try l.double("poisson_rps", min: 0) { found.append(.arrivals(.poisson(rate: v))) }
        if var d = try l.mapping("diurnal") {
            let mean = try d.double("mean_rps", required: true, min: 0) ?? 0
            let ratio = try d.double("peak_to_trough", min: 1) ?? 4
            let hour = try d.double("peak_hour", min: 0, max: 24) ?? 14
            try d.finish()
            found.append(.arrivals(.diurnal(DiurnalRate(mean: mean, peakToTrough: ratio, peakHour: hour))))
        }
        if var g = try l.mapping("genai_profile") {
            guard let path = try g.string("path", required: true) else { throw g.missing("path") }
            let mean = try g.double("mean", required: true, min: 0, max: 1, minExclusive: true) ?? 0.2
            try g.finish()
            let real = resolve(path, scenarioFile: file)
            if !FileManager.default.fileExists(atPath: real) { throw g.error("path", missingTrace(path)) }
            if shapers[real] == nil {
                do {
                    shapers[real] = DutyCycleShaper(trace: try DutyCycleTrace.read(try TraceInput.file(real)))
                } catch let e as TraceError {
                    throw traceProblem(e)
                } catch {
                    throw l.error("genai_profile", "cannot read the duty-cycle trace '\(path)': \(error)")
                }
            }
            if let sh = shapers[real] { found.append(.genaiProfile(shaper: sh, mean: mean)) }
        }
        if var u = try l.mapping("utilization_trace") {
            guard let path = try u.string("path", required: true) else { throw u.missing("path") }
            let mean = try u.double("mean", min: 0, max: 1, minExclusive: true)
            let rotate = try u.bool("rotate") ?? true
            try u.finish()
            let trace = try readTrace(path, file: file, missing: u, failing: l, key: "utilization_trace", what: "",
                                      GenericTrace.read)
            guard trace.kind == .utilization, var series = trace.series else {
                throw l.error("utilization_trace", "'\(path)' needs a time_s,util series")
            }
            if let mean {
                guard let s = DutyCycleShaper.scaled(series, toMean: mean) else {
                    throw l.error("utilization_trace", "cannot scale '\(path)' to mean \(mean)")
                }
                series = s
            }
            found.append(.utilization(series, rotate: rotate))
        }
        guard found.count == 1, let load = found.first else {
            throw l.error(found.isEmpty ? "poisson_rps" : "genai_profile",
                          "give exactly one of poisson_rps, diurnal, genai_profile, utilization_trace")
        }
        return load
    }

    /// Reads the trace at `path` (tried as given, then beside the scenario `file`) with `read`: a
    /// missing file is an error on `missing`'s `path`, a malformed trace the trace's own located
    /// error, anything else an error on `failing`'s `key` naming `what` was read.
    static func readTrace<T>(_ path: String, file: String, missing: MappingReader, failing: MappingReader, key: String,
                             what: String, _ read: (TraceInput) throws -> T) throws -> T {
        let real = resolve(path, scenarioFile: file)
        if !FileManager.default.fileExists(atPath: real) { throw missing.error("path", missingTrace(path)) }
        do {
            return try read(try TraceInput.file(real))
        } catch let e as TraceError {
            throw traceProblem(e)
        } catch {
            throw failing.error(key, "cannot read \(what)'\(path)': \(error)")
        }
    }

    /// `runtimes: {path: FILE}` of a training job: the Philly runtime list (one `runtime` column,
    /// seconds) each instance's work is drawn from, or nil when absent.
    static func parseRuntimes(_ j: inout MappingReader) throws -> [Double]? {
        guard var r = try j.mapping("runtimes") else { return nil }
        guard let path = try r.string("path", required: true) else { throw r.missing("path") }
        try r.finish()
        let trace = try readTrace(path, file: j.file, missing: r, failing: r, key: "path", what: "the runtime list ",
                                  PhillyRuntimeTrace.read)
        // A runtime is a job's work in seconds: within the longest run colosim accepts (the trace has
        // checked each is a number ≥ 0), so no drawn runtime can overflow what is derived from it.
        if let i = trace.runtimes.firstIndex(where: { !($0.isFinite && $0 <= InputLimits.maxSeconds) }) {
            throw r.error("path", "'\(path)' line \(i + 2): runtime \(trace.runtimes[i]) s is above colosim's limit of \(MappingReader.format(InputLimits.maxSeconds)) s (docs/limits.md)")
        }
        if trace.runtimes.isEmpty { throw r.error("path", "'\(path)' has no runtimes") }
        return trace.runtimes
    }

    static func parseJobs(_ j: inout MappingReader, duration: Double) throws -> [ClusterJobConfig] {
        guard let name = try j.string("name", required: true) else { throw j.missing("name") }
        let kind = try j.choice("kind", ["training", "data-processing", "model-development"], required: true) ?? "training"
        let count = try j.int("count", min: 1, max: 100_000) ?? 1
        let milli = try j.int("gpu_milli", min: 1, max: 1000) ?? 500
        let mem = try j.int("memory_mib", min: 0) ?? 4096
        let weight = try j.double("weight", min: 0, minExclusive: true) ?? 1
        let start = try j.double("start_s", min: 0) ?? 0
        let stagger = try j.double("stagger_s", min: 0) ?? 0
        var out: [ClusterJobConfig] = []
        switch kind {
        case "training":
            let runtimes = try parseRuntimes(&j)
            let work = try j.double("work_s", required: runtimes == nil, min: 0, minExclusive: true)
                ?? runtimes?.max() ?? 1
            if runtimes != nil && j.has("work_s") { throw j.error("runtimes", "give one of work_s and runtimes") }
            let resubmit = try j.bool("resubmit") ?? false
            let iter = try j.double("iteration_s", min: 0, minExclusive: true) ?? 1
            try j.checkSteps("iteration_s", span: work, step: iter)
            let every = try j.int("checkpoint_every", min: 0) ?? 0
            let ckpt = try j.double("checkpoint_s", min: 0) ?? 0
            let restart = try j.double("restart_s", min: 0) ?? 0
            let sm = try j.double("sm_fraction", min: 0, max: 1, minExclusive: true) ?? 1
            for k in 0..<count {
                let t = TrainingJobSpec(name: count > 1 ? "\(name)-\(k)" : name, submitTime: start + Double(k) * stagger,
                                        iterations: max(1, Int((work / iter).rounded())), iterationWork: iter,
                                        iterationCV: 0, smFraction: sm, checkpointEvery: every,
                                        checkpointSeconds: ckpt, restartSeconds: restart)
                var c = ClusterJobConfig(kind: .training(t), gpuMilli: milli, memoryMiB: mem, weight: weight)
                c.runtimes = runtimes ?? []
                c.resubmit = resubmit
                out.append(c)
            }
        default:
            for key in ["runtimes", "resubmit"] where j.has(key) {
                throw j.error(key, "only training jobs take \(key)")
            }
            let dp = kind == "data-processing"
            let burst = try j.double("burst_s", min: 0, minExclusive: true) ?? (dp ? 30 : 5)
            let think = try j.double("think_s", min: 0) ?? (dp ? 120 : 60)
            let sm = try j.double("sm_fraction", min: 0, max: 1, minExclusive: true) ?? (dp ? 1 : 0.5)
            let span = try j.double("duration_s", min: 0, minExclusive: true) ?? duration
            for k in 0..<count {
                let i = InteractiveJobSpec(name: count > 1 ? "\(name)-\(k)" : name,
                                           kind: dp ? .dataProcessing : .modelDevelopment,
                                           start: start + Double(k) * stagger, duration: span, burstWork: burst,
                                           thinkTime: think, smFraction: sm)
                out.append(ClusterJobConfig(kind: .interactive(i), gpuMilli: milli, memoryMiB: mem, weight: weight))
            }
        }
        return out
    }
}
