import ColoModel
import Foundation
import SimEngine
import Scheduling
import Simulator
import Yams

/// Loads `schema: multi-scheduler` files (docs/cluster.md): several schedulers with their own
/// placement policies sharing one cluster, fed by Poisson streams of pods.
public enum ClusterMultiSchedulerLoader {
    /// A loaded scenario.
    public struct Loaded: Sendable {
        /// Name.
        public var name: String
        /// The run configuration.
        public var config: ClusterMultiSchedulerConfig
    }

    /// Loads the scenario at `path`.
    public static func load(path: String) throws -> Loaded {
        try parse(yaml: ScenarioDocument.text(atPath: path, .brief), file: path)
    }

    /// Parses scenario text.
    public static func parse(yaml: String, file: String) throws -> Loaded {
        var r = try ScenarioDocument.root(yaml: yaml, file: file, .brief)
        let index = r.index
        _ = try r.choice("schema", ["multi-scheduler"], required: true)
        let name = try r.string("name") ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        _ = try r.string("description")
        let seed = try r.seed("seed") ?? 1
        let duration = try r.double("duration_s", required: true, min: 0, minExclusive: true) ?? 1
        let backoff = try r.double("unschedulable_backoff_s", min: 0, minExclusive: true) ?? 1
        guard var cl = try r.mapping("cluster", required: true) else { throw r.missing("cluster") }
        let nodeCount = try cl.int("nodes", required: true, min: 1, max: InputLimits.maxNodes) ?? 1
        let perNode = try cl.int("gpus_per_node", required: true, min: 1, max: InputLimits.maxGPUsPerNode) ?? 1
        let cpu = try cl.int("cpu_milli_per_node", min: 1) ?? 96_000
        let mem = try cl.int("memory_mib_per_node", min: 1) ?? 786_432
        let model = try cl.string("gpu_model") ?? "V100M16"
        try cl.finish()
        let nodes = (0..<nodeCount).map {
            NodeSpec(name: String(format: "node-%04d", $0), cpuMilli: cpu, memoryMiB: mem, gpuCount: perNode, gpuModel: model)
        }
        var schedulers: [ClusterMultiSchedulerConfig.SchedulerConfig] = []
        guard let ss = try r.sequence("schedulers", required: true) else { throw r.missing("schedulers") }
        if ss.count < 1 { throw r.error("schedulers", "needs at least one scheduler") }
        for (i, item) in ss.enumerated() {
            var s = try MappingReader(item, path: "schedulers[\(i)]", file: file, index: index)
            guard let n = try s.string("name", required: true) else { throw s.missing("name") }
            let names = PlacementPolicyKind.allCases.map(\.rawValue)
            let p = try s.choice("policy", names, required: true) ?? "best-fit"
            let cycle = try s.double("cycle_ms", min: 0, minExclusive: true) ?? 5
            let sync = try s.double("sync_interval_s", min: 0, minExclusive: true) ?? 1
            try s.checkSteps("cycle_ms", span: duration * 1000, step: cycle)
            try s.checkSteps("sync_interval_s", span: duration, step: sync)
            let bind = try s.double("bind_latency_ms", min: 0) ?? 20
            try s.finish()
            if schedulers.contains(where: { $0.name == n }) { throw s.error("name", "duplicate scheduler name '\(n)'") }
            schedulers.append(.init(name: n, policy: PlacementPolicyKind(rawValue: p) ?? .bestFit, cycle: cycle / 1000,
                                    syncInterval: sync, bindLatency: bind / 1000))
        }
        var classes: [ClusterMultiSchedulerConfig.PodClass] = []
        var expected = 0.0  // arrivals the run expects, summed over the pod classes
        guard let ps = try r.sequence("pods", required: true) else { throw r.missing("pods") }
        for (i, item) in ps.enumerated() {
            var p = try MappingReader(item, path: "pods[\(i)]", file: file, index: index)
            guard let n = try p.string("name", required: true) else { throw p.missing("name") }
            guard let sched = try p.string("scheduler", required: true) else { throw p.missing("scheduler") }
            if !schedulers.contains(where: { $0.name == sched }) {
                throw p.error("scheduler", "no scheduler named '\(sched)' (have \(schedulers.map(\.name).joined(separator: ", ")))")
            }
            let rate = try p.double("rate_per_s", required: true, min: 0, minExclusive: true) ?? 1
            expected += rate * duration
            try p.checkSteps("rate_per_s", span: expected, step: 1, limit: InputLimits.maxExpectedArrivals,
                            noun: "expected arrivals (rate_per_s × duration_s, all classes)")
            let life = try p.double("lifetime_s", required: true, min: 0, minExclusive: true) ?? 1
            let c = try p.int("cpu_milli", min: 0) ?? 1000
            let m = try p.int("memory_mib", min: 0) ?? 1024
            let gc = try p.int("gpu_count", min: 0, max: perNode) ?? 1
            let gm = try p.int("gpu_milli", min: 0, max: 1000) ?? 1000
            let prio = try p.choice("class", ["LS", "BE"]) ?? "LS"
            try p.finish()
            let req = PodRequest(name: n, cpuMilli: c, memoryMiB: m, gpuCount: gc, gpuMilli: gm,
                                 priorityClass: PriorityClass(rawValue: prio) ?? .latencySensitive,
                                 schedulerName: sched)
            classes.append(.init(request: req, rate: rate, meanLifetime: life))
        }
        try r.finish()
        return Loaded(name: name, config: ClusterMultiSchedulerConfig(
            nodes: nodes, schedulers: schedulers, podClasses: classes, duration: duration,
            unschedulableBackoff: backoff, seed: seed))
    }
}
