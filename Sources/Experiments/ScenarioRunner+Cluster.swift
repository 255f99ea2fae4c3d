import Foundation
import Metrics
import ResultStore
import Scenario
import Scheduling
import Simulator

extension ScenarioRunner {
    /// Runs a `cluster` scenario (docs/cluster.md) under the overridden or the scenario's policy.
    /// `explain` > 0 keeps the first `explain` decisions of each kind in `explainKinds` (nil: all)
    /// and adds them to the text and JSON reports.
    func runCluster(text effective: String, overrides: ScenarioOverrides, explain: Int = 0,
                    explainKinds: Set<ColocationDecisionKind>? = nil) throws -> ScenarioRun {
        let overridden = effective != text
        let s: ClusterScenario
        do {
            s = try ClusterScenarioLoader.parse(yaml: effective, file: path)
        } catch let e as ScenarioError {
            throw inputError(e, overridden: overridden)
        }
        var kind: ColocationPolicyKind?
        if let policy = overrides.policy {
            guard let k = Self.colocationPolicy(policy) else {
                throw InputError(field: "policy", "unknown co-location policy '\(policy)'; expected one of \(ColocationPolicyKind.names.joined(separator: ", "))")
            }
            kind = k
        }
        let seed = overrides.seed ?? s.seed
        var config: ClusterSimulationConfig
        do {
            config = try s.simulationConfig(policy: kind, seed: seed)
        } catch {
            throw InputError(file: path, field: "services", "cannot build the service profiles: \(error)")
        }
        config.explain = explain
        config.explainKinds = explainKinds
        config.responseCache = responseCache
        config.evaluationJobs = max(1, evaluationJobs)
        config.progress = progress
        let result: ClusterSimulationResult
        do {
            result = try ClusterSimulation.run(config)
        } catch let e as SimulationConfigError {
            throw InputError(file: path, field: e.field, "a GPU state cannot be simulated: \(e.message)")
        }
        let configured = Dictionary(config.services.map { ($0.name, $0.replicas) }, uniquingKeysWith: { a, _ in a })
        // Requests never served (no replica, no GPU, dropped frames) are SLA misses, counted as unserved.
        // A capacity plan also hosts every replica a fixed-size service asks for: replica time without a
        // GPU counts as missing (under `tidal` the replica count follows the load instead).
        let fixedReplicas = config.policy != .tidal
        let services = result.services.map { v -> RunMetrics.Service in
            let want = Double(max(1, configured[v.name] ?? 1))
            let unplaced = fixedReplicas ? max(0, 1 - v.replicasMean / want) : 0
            return RunMetrics.Service(name: v.name, p99Ms: v.p99 * 1000, targetMs: v.p99Target * 1000,
                                      attainment: v.attainment, unplacedFraction: max(v.unservedFraction, unplaced),
                                      requests: v.requests + v.unserved)
        }
        var metrics = RunMetrics(
            policy: overrides.policy ?? result.policy, utilization: result.utilizationMean, provisionedUtilization: result.clusterUtilizationMean,
            gpusUsed: result.gpusUsedMean, gpusProvisioned: result.gpuCount,
            beThroughput: result.duration > 0 ? result.beWorkDone / result.duration : 0,
            weightError: .nan, services: services, digest: result.digest)
        metrics.gpusOfNodesUsed = result.gpusOfNodesUsed
        var r = RunRecord.thisBuild(scenarioName: s.name, scenarioText: effective, seed: seed, policy: metrics.policy,
                                     digest: result.digest, startedAt: Date(), finishedAt: Date())
        r.fill(from: metrics)
        r.setSummary("gpus_used_peak", Double(result.gpusUsedPeak))
        r.setSummary("gpus_of_nodes_used", Double(result.gpusOfNodesUsed))
        r.setSummary("allocation_ratio", result.allocationRatio)
        r.setSummary("be_work_done", result.beWorkDone)
        r.setSummary("be_lost_work", result.beLostWork)
        r.setSummary("states_evaluated", Double(result.statesEvaluated))
        r.setSummary("response_cache_hit_rate", result.responseCacheHitRate)
        r.setSummary("unserved", result.services.reduce(0) { $0 + $1.unserved })
        for v in result.services {
            r.addWorkload(v.name, kind: "ls", metrics: [
                MetricName.p99Ms: .number(v.p99 * 1000), "p50_ms": .number(v.p50 * 1000),
                MetricName.slaTargetMs: .number(v.p99Target * 1000), MetricName.slaAttainment: .number(v.attainment),
                MetricName.slaMet: .bool(v.slaMet), "replicas_mean": .number(v.replicasMean),
                "unserved": .number(v.unserved), "unserved_fraction": .number(v.unservedFraction),
                "replicas_configured": .number(Double(configured[v.name] ?? 0)),
            ])
        }
        for v in result.services where !v.latencyQuantiles.isEmpty {
            r.latencyCDFs.append(LatencyCDF(workload: v.name, slaTargetMs: v.p99Target * 1000, points: zip(
                LatencyQuantile.cdfFractions, v.latencyQuantiles).map { LatencyCDF.Point(latencyMs: $1 * 1000, fraction: $0) }))
        }
        if !result.series.isEmpty {
            r.setSeries(MetricName.utilizationSeries, result.series.map { (t: $0.t, value: $0.utilization) })
            r.setSeries("gpus_used", result.series.map { (t: $0.t, value: $0.gpusUsed) })
            r.setSeries("cluster_utilization", result.series.map { (t: $0.t, value: $0.clusterUtilization) })
        }
        // Per-GPU heat-map rows, for the GPUs the run ever used (GPUs never used are left out).
        let width = result.heatBucketSeconds
        for (g, row) in result.gpuHeat.enumerated() where row.contains(where: { $0 > 0 }) {
            r.setSeries(MetricName.heatSeriesPrefix + String(format: "%04d", g),
                        row.enumerated().map { (t: (Double($0.offset) + 0.5) * width, value: $0.element) })
        }
        for j in result.jobs {
            r.addWorkload(j.name, kind: "be", metrics: [
                "work_done_s": .number(j.workDone), "lost_work_s": .number(j.lostWork),
                "preemptions": .number(j.preemptions), "queued_s": .number(j.queuedSeconds),
            ])
        }
        let report = ClusterScenarioReport(scenario: s, result: result, seed: seed)
        guard explain > 0 else {
            return ScenarioRun(record: r, metrics: metrics, isCluster: true, reportText: report.text, reportJSON: report.json)
        }
        let kinds = ColocationDecisionKind.allCases.filter { explainKinds?.contains($0) ?? true }
        return ScenarioRun(record: r, metrics: metrics, isCluster: true,
                           reportText: report.text + Self.decisionsText(result, limit: explain, kinds: kinds),
                           reportJSON: Self.addingDecisions(result, limit: explain, kinds: kinds, to: report.json))
    }
}
