import Foundation
import Simulator

/// Text and JSON renderings of a cluster run (`colosim run SCENARIO --json`).
public struct ClusterScenarioReport: Sendable {
    /// The scenario.
    public var scenario: ClusterScenario
    /// The run's result.
    public var result: ClusterSimulationResult
    /// The seed used.
    public var seed: UInt64

    /// Creates a report.
    public init(scenario: ClusterScenario, result: ClusterSimulationResult, seed: UInt64) {
        self.scenario = scenario
        self.result = result
        self.seed = seed
    }

    static func num(_ v: Double) -> Any { v.isFinite ? v : NSNull() }

    static func mean(_ xs: [Double]) -> Any { xs.isEmpty ? NSNull() : num(xs.reduce(0, +) / Double(xs.count)) }

    /// The `summary` object (contract keys: policy, gpus_used_mean, gpus_used_peak,
    /// gpu_utilization_mean, all_sla_met, be_work_done).
    public var summary: [String: Any] {
        let r = result
        return [
            "policy": r.policy,
            "gpus_used_mean": Self.num(r.gpusUsedMean),
            "gpus_used_peak": r.gpusUsedPeak,
            "gpu_utilization_mean": Self.num(r.utilizationMean),
            "gpu_sm_time_mean": Self.num(r.smTimeMean),
            "cluster_utilization_mean": Self.num(r.clusterUtilizationMean),
            "allocation_ratio": Self.num(r.allocationRatio),
            "all_sla_met": r.allSLAMet,
            "min_sla_attainment": Self.num(r.services.map(\.attainment).min() ?? 1),
            "be_work_done": Self.num(r.beWorkDone),
            "be_work_done_gpu_hours": Self.num(r.beWorkDone / 3600),
            "be_throughput_gpus": Self.num(r.beWorkDone / max(r.duration, 1e-9)),
            "be_mean_jct_s": Self.mean(r.jobs.compactMap(\.completionTime)),
            "be_mean_burst_time_s": Self.mean(r.jobs.compactMap(\.meanBurstTime)),
            "be_lost_work": Self.num(r.beLostWork),
            "preemptions": Self.num(r.preemptions),
            "reclaims": r.reclaims,
            "reclaim_restart_s": Self.num(r.beRestartSeconds),
            "worst_step_p99_ms": Self.num((r.services.map(\.worstStepP99).max() ?? 0) * 1000),
            "be_jobs_completed": r.jobs.count { $0.completionTime != nil },
            "gpus": r.gpuCount,
        ]
    }

    /// The full JSON document.
    public var json: String {
        let r = result
        let services: [[String: Any]] = r.services.map {
            ["name": $0.name, "requests": Self.num($0.requests), "p50_ms": Self.num($0.p50 * 1000),
             "p99_ms": Self.num($0.p99 * 1000), "p99_target_ms": Self.num($0.p99Target * 1000),
             "sla_attainment": Self.num($0.attainment), "sla_met": $0.slaMet,
             "replicas_mean": Self.num($0.replicasMean), "replicas_peak": $0.replicasPeak,
             "worst_step_p99_ms": Self.num($0.worstStepP99 * 1000)]
        }
        let jobs: [[String: Any]] = r.jobs.map {
            ["name": $0.name, "kind": $0.kind, "work_done_s": Self.num($0.workDone), "lost_work_s": Self.num($0.lostWork),
             "preemptions": Self.num($0.preemptions), "evictions": $0.evictions,
             "restart_s": Self.num($0.restartSeconds), "queued_s": Self.num($0.queuedSeconds),
             "completion_time_s": $0.completionTime.map { Self.num($0) } ?? NSNull(),
             "bursts_done": $0.burstsDone, "mean_burst_time_s": $0.meanBurstTime.map { Self.num($0) } ?? NSNull()]
        }
        let doc: [String: Any] = [
            "scenario": scenario.name, "schema": "cluster", "seed": seed, "duration_s": r.duration,
            "steps": r.steps, "digest": r.digest, "services": services, "jobs": jobs, "summary": summary,
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .prettyPrinted]),
              let s = String(data: data, encoding: .utf8) else { return "{}" }
        return s
    }

    /// A human-readable summary.
    public var text: String {
        let r = result
        func pct(_ v: Double) -> String { String(format: "%.1f%%", v * 100) }
        var s = "scenario \(scenario.name) — policy \(r.policy), \(r.gpuCount) GPUs, \(Int(r.duration)) s, seed \(seed)\n"
        s += String(format: "GPUs used: mean %.2f, peak %d; utilization (duty) %@ on used GPUs, SM-time %@; allocation %@\n",
                    r.gpusUsedMean, r.gpusUsedPeak, pct(r.utilizationMean), pct(r.smTimeMean), pct(r.allocationRatio))
        for v in r.services {
            s += String(format: "  service %@: p50 %.2f ms, p99 %.2f ms (target %.0f ms) attainment %.4f %@, worst step p99 %.2f ms, replicas mean %.2f peak %d\n",
                        v.name, v.p50 * 1000, v.p99 * 1000, v.p99Target * 1000, v.attainment, v.slaMet ? "met" : "MISSED",
                        v.worstStepP99 * 1000, v.replicasMean, v.replicasPeak)
        }
        s += String(format: "BE work done %.1f GPU·h, lost %.1f GPU·s, preemptions %.0f, reclaims %d (restarts %.0f s)\n",
                    r.beWorkDone / 3600, r.beLostWork, r.preemptions, r.reclaims, r.beRestartSeconds)
        for j in r.jobs {
            var line = String(format: "  job %@ (%@): work %.0f s, lost %.1f s, evictions %d", j.name, j.kind,
                              j.workDone, j.lostWork, j.evictions)
            if let c = j.completionTime { line += String(format: ", JCT %.0f s", c) }
            if let b = j.meanBurstTime { line += String(format: ", %d bursts, mean %.1f s", j.burstsDone, b) }
            s += line + "\n"
        }
        s += "digest \(r.digest)\n"
        return s
    }
}
