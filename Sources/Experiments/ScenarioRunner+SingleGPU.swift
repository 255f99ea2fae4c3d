import ColoModel
import Foundation
import ResultStore
import Scenario
import Simulator

extension ScenarioRunner {
    /// Runs a `single-gpu` scenario and fills the record and metrics from its ``ScenarioReport``.
    func runSingleGPU(text effective: String, overrides: ScenarioOverrides) throws -> ScenarioRun {
        let overridden = effective != text
        let s: Scenario
        do {
            s = try ScenarioLoader.parse(yaml: effective, file: path)
        } catch let e as ScenarioError {
            throw inputError(e, overridden: overridden)
        }
        let seed = overrides.seed ?? s.seed
        let result: SimulationResult
        do {
            result = try GPUSimulation.run(s.simulationConfig(seed: seed))
        } catch let e as SimulationConfigError {
            throw InputError(file: path, field: e.field, e.message)
        }
        let report = ScenarioReport(scenario: s, result: result, seed: seed)
        let policy: String
        if case .kernelMode(let p, _, _) = s.isolation { policy = p.rawValue } else { policy = s.isolation.engineName }

        var targets: [String: Double] = [:]
        var bestEffort = Set<String>()
        for c in s.containers {
            for w in c.workloads {
                if let sla = w.latencySLA { targets[w.name] = Double(sla.nanoseconds) / 1e6 }
                if (w.priority ?? c.priority) == .bestEffort { bestEffort.insert(w.name) }
            }
        }
        let services = report.workloads.compactMap { w -> RunMetrics.Service? in
            guard let t = targets[w.name] else { return nil }
            return RunMetrics.Service(name: w.name, p99Ms: w.latencyP99Ms ?? .nan, targetMs: t,
                                      attainment: w.slaAttainment ?? 0)
        }
        let errors = report.containers.flatMap { $0.weightError.values.map(abs) }
        let gpu = report.gpus.first
        let metrics = RunMetrics(
            policy: policy, utilization: gpu?.utilization ?? 0, provisionedUtilization: gpu?.utilization ?? 0,
            gpusUsed: 1, gpusProvisioned: 1,
            beThroughput: report.workloads.filter { bestEffort.contains($0.name) }.reduce(0) { $0 + $1.throughputPerSecond },
            weightError: errors.isEmpty ? .nan : errors.reduce(0, +) / Double(errors.count),
            services: services, digest: report.digest)

        var r = RunRecord.thisBuild(scenarioName: s.name, scenarioText: effective, seed: seed, policy: policy,
                                     digest: report.digest, startedAt: Date(), finishedAt: Date())
        r.fill(from: metrics)
        for w in report.workloads {
            var m: [String: MetricValue] = [
                "throughput_per_s": .number(w.throughputPerSecond), "issued": .number(Double(w.issued)),
                "completed": .number(Double(w.completed)), "dropped": .number(Double(w.dropped)),
            ]
            if let p = w.latencyP99Ms { m[MetricName.p99Ms] = .number(p) }
            if let p = w.latencyP50Ms { m["p50_ms"] = .number(p) }
            if let a = w.slaAttainment { m[MetricName.slaAttainment] = .number(a) }
            if let t = targets[w.name] {
                m[MetricName.slaTargetMs] = .number(t)
                m[MetricName.slaMet] = .bool((w.latencyP99Ms ?? .infinity) <= t)
            }
            r.addWorkload(w.name, kind: bestEffort.contains(w.name) ? "be" : (targets[w.name] != nil ? "ls" : w.kind), metrics: m)
        }
        for w in result.workloads where !w.latencyCDF.isEmpty {
            r.latencyCDFs.append(LatencyCDF(workload: w.name, slaTargetMs: targets[w.name], points: w.latencyCDF.map {
                LatencyCDF.Point(latencyMs: Double($0.latency.nanoseconds) / 1e6, fraction: $0.fraction)
            }))
        }
        for g in report.gpus {
            r.addGPU("gpu\(g.id)", metrics: ["utilization": .number(g.utilization), "sm_utilization": .number(g.smUtilization),
                                            "context_switches": .number(Double(g.contextSwitches))])
        }
        // GPU busy time per ledger window: the containers' SM shares summed (compute + render).
        let windows = report.containers.map(\.graphicsWindows)
        if let n = windows.map(\.count).max(), n > 0 {
            let w = s.shareWindow.seconds, t0 = report.measuredFromSeconds
            var points: [(t: Double, value: Double)] = []
            for k in 0..<n {
                var busy = 0.0
                for c in windows where k < c.count { busy += c[k] }
                points.append((t: t0 + (Double(k) + 0.5) * w, value: min(1, busy)))
            }
            r.setSeries(MetricName.utilizationSeries, points)
        }
        for c in report.containers {
            r.addShare(container: c.name, engine: "compute", configured: c.configuredShare,
                       achieved: c.achievedShare[.compute] + c.achievedShare[.render])
            if !c.graphicsWindows.isEmpty {
                let w = s.shareWindow.seconds
                let t0 = report.measuredFromSeconds
                r.setSeries("share/\(c.name)", c.graphicsWindows.enumerated().map { (t: t0 + (Double($0.offset) + 0.5) * w, value: $0.element) })
            }
        }
        return ScenarioRun(record: r, metrics: metrics, isCluster: false, reportText: report.text, reportJSON: report.json)
    }
}
