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

    /// A JSON number that encodes non-finite values as `null`.
    struct Num: Encodable, Sendable {
        var v: Double
        init(_ v: Double) { self.v = v }
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            if v.isFinite { try c.encode(v) } else { try c.encodeNil() }
        }
    }

    /// The `summary` object (contract keys: policy, gpus_used_mean, gpus_used_peak,
    /// gpu_utilization_mean, all_sla_met, be_work_done; fidelity, states_evaluated,
    /// response_cache_hit_rate).
    struct Summary: Encodable {
        var policy: String
        var placement: String
        var engine: String
        var fidelity: String
        var states_evaluated: Int
        var response_cache_hit_rate: Num
        var node_events: UInt64
        var gpus_used_mean: Num
        var gpus_used_peak: Int
        /// GPUs of the nodes that ever held a pod (``ClusterSimulationResult/gpusOfNodesUsed``).
        var gpus_of_nodes_used: Int
        var gpu_utilization_mean: Num
        var gpu_sm_time_mean: Num
        var cluster_utilization_mean: Num
        var allocation_ratio: Num
        var all_sla_met: Bool
        var min_sla_attainment: Num
        var unserved: Num
        var unserved_fraction: Num
        var be_work_done: Num
        var be_work_done_gpu_hours: Num
        var be_throughput_gpus: Num
        var be_mean_jct_s: Num?
        var be_mean_burst_time_s: Num?
        var be_lost_work: Num
        var preemptions: Num
        var context_switches: Num
        var reclaims: Int
        var reclaim_restart_s: Num
        var worst_step_p99_ms: Num
        var be_jobs_completed: Int
        var gpus: Int
    }

    struct ServiceJSON: Encodable {
        var name: String
        var kind: String
        var requests: Num
        var offered: Num
        var unserved: Num
        var unserved_fraction: Num
        var p50_ms: Num
        var p99_ms: Num
        var p99_target_ms: Num
        var sla_attainment: Num
        var sla_met: Bool
        var fps_attainment: Num?
        var replicas_mean: Num
        var replicas_peak: Int
        var worst_step_p99_ms: Num
    }

    struct JobJSON: Encodable {
        var name: String
        var kind: String
        var work_done_s: Num
        var lost_work_s: Num
        var preemptions: Num
        var evictions: Int
        var restart_s: Num
        var queued_s: Num
        var completion_time_s: Num?
        var bursts_done: Int
        var mean_burst_time_s: Num?
        /// Resubmitted jobs only: instances finished (``ClusterSimulationResult/Job/instancesDone``).
        var instances_done: Int?
        /// User mode: whose host pid the job's process took (``ClusterSimulationResult/Job/hostPidOf``).
        var host_pid_of: String?
    }

    struct Document: Encodable {
        var scenario: String
        var schema = "cluster"
        var seed: UInt64
        var duration_s: Num
        var steps: Int
        var digest: String
        var services: [ServiceJSON]
        var jobs: [JobJSON]
        var summary: Summary
    }

    static func mean(_ xs: [Double]) -> Num? { xs.isEmpty ? nil : Num(xs.reduce(0, +) / Double(xs.count)) }

    /// The `summary` object.
    var summary: Summary {
        let r = result
        let offered = r.services.reduce(0) { $0 + $1.offered }
        let unserved = r.services.reduce(0) { $0 + $1.unserved }
        return Summary(
            policy: r.policy, placement: r.placement, engine: r.engine, fidelity: r.fidelity,
            states_evaluated: r.statesEvaluated, response_cache_hit_rate: Num(r.responseCacheHitRate),
            node_events: r.nodeEvents, gpus_used_mean: Num(r.gpusUsedMean), gpus_used_peak: r.gpusUsedPeak,
            gpus_of_nodes_used: r.gpusOfNodesUsed, gpu_utilization_mean: Num(r.utilizationMean), gpu_sm_time_mean: Num(r.smTimeMean),
            cluster_utilization_mean: Num(r.clusterUtilizationMean), allocation_ratio: Num(r.allocationRatio),
            all_sla_met: r.allSLAMet, min_sla_attainment: Num(r.services.map(\.attainment).min() ?? 1),
            unserved: Num(unserved), unserved_fraction: Num(offered > 0 ? unserved / offered : 0),
            be_work_done: Num(r.beWorkDone), be_work_done_gpu_hours: Num(r.beWorkDone / 3600),
            be_throughput_gpus: Num(r.beWorkDone / max(r.duration, 1e-9)),
            be_mean_jct_s: Self.mean(r.jobs.compactMap(\.completionTime)),
            be_mean_burst_time_s: Self.mean(r.jobs.compactMap(\.meanBurstTime)),
            be_lost_work: Num(r.beLostWork), preemptions: Num(r.preemptions), context_switches: Num(r.contextSwitches),
            reclaims: r.reclaims, reclaim_restart_s: Num(r.beRestartSeconds),
            worst_step_p99_ms: Num((r.services.map(\.worstStepP99).max() ?? 0) * 1000),
            be_jobs_completed: r.jobs.count { $0.completionTime != nil }, gpus: r.gpuCount)
    }

    /// The full JSON document (Codable, keys sorted).
    public var json: String {
        let r = result
        let services = r.services.map {
            ServiceJSON(name: $0.name, kind: $0.kind, requests: Num($0.requests), offered: Num($0.offered),
                        unserved: Num($0.unserved), unserved_fraction: Num($0.unservedFraction),
                        p50_ms: Num($0.p50 * 1000), p99_ms: Num($0.p99 * 1000), p99_target_ms: Num($0.p99Target * 1000),
                        sla_attainment: Num($0.attainment), sla_met: $0.slaMet,
                        fps_attainment: $0.kind == "inference" ? nil : Num($0.offered > 0 ? $0.requests / $0.offered : 1),
                        replicas_mean: Num($0.replicasMean), replicas_peak: $0.replicasPeak,
                        worst_step_p99_ms: Num($0.worstStepP99 * 1000))
        }
        let jobs = r.jobs.map {
            JobJSON(name: $0.name, kind: $0.kind, work_done_s: Num($0.workDone), lost_work_s: Num($0.lostWork),
                    preemptions: Num($0.preemptions), evictions: $0.evictions, restart_s: Num($0.restartSeconds),
                    queued_s: Num($0.queuedSeconds), completion_time_s: $0.completionTime.map { Num($0) },
                    bursts_done: $0.burstsDone, mean_burst_time_s: $0.meanBurstTime.map { Num($0) },
                    instances_done: $0.resubmits ? $0.instancesDone : nil, host_pid_of: $0.hostPidOf)
        }
        let doc = Document(scenario: scenario.name, seed: seed, duration_s: Num(r.duration), steps: r.steps,
                           digest: r.digest, services: services, jobs: jobs, summary: summary)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(doc), let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }

    /// How many jobs the text lists one per line.
    static let jobLinesShown = 40

    /// A human-readable summary.
    public var text: String {
        let r = result
        func pct(_ v: Double) -> String { String(format: "%.1f%%", v * 100) }
        var s = "scenario \(scenario.name) — policy \(r.policy), \(r.gpuCount) GPUs, \(Int(r.duration)) s, seed \(seed)\n"
        s += "placement \(r.placement), engine \(r.engine), fidelity \(r.fidelity): \(r.statesEvaluated) node evaluations"
            + (r.fidelity == "response" ? String(format: ", cache hit rate %.1f%%", r.responseCacheHitRate * 100) : "") + "\n"
        s += String(format: "GPUs used: mean %.2f, peak %d; utilization (duty) %@ on used GPUs, SM-time %@; allocation %@\n",
                    r.gpusUsedMean, r.gpusUsedPeak, pct(r.utilizationMean), pct(r.smTimeMean), pct(r.allocationRatio))
        for v in r.services {
            s += String(format: "  service %@ (%@): p50 %.2f ms, p99 %.2f ms (target %.0f ms) attainment %.4f %@, unserved %.2f%%, worst window p99 %.2f ms, replicas mean %.2f peak %d\n",
                        v.name, v.kind, v.p50 * 1000, v.p99 * 1000, v.p99Target * 1000, v.attainment, v.slaMet ? "met" : "MISSED",
                        v.unservedFraction * 100, v.worstStepP99 * 1000, v.replicasMean, v.replicasPeak)
        }
        s += String(format: "BE work done %.1f GPU·h, lost %.1f GPU·s, preemptions %.0f, reclaims %d (restarts %.0f s)\n",
                    r.beWorkDone / 3600, r.beLostWork, r.preemptions, r.reclaims, r.beRestartSeconds)
        // A fleet has thousands of jobs: the text lists the first ones (--json has them all).
        for j in r.jobs.prefix(Self.jobLinesShown) {
            var line = String(format: "  job %@ (%@): work %.0f s, lost %.1f s, evictions %d", j.name, j.kind,
                              j.workDone, j.lostWork, j.evictions)
            if j.resubmits { line += ", \(j.instancesDone) instances" }
            if let c = j.completionTime { line += String(format: ", JCT %.0f s", c) }
            if let b = j.meanBurstTime { line += String(format: ", %d bursts, mean %.1f s", j.burstsDone, b) }
            if let o = j.hostPidOf { line += ", reads \(o)'s host pid" }
            s += line + "\n"
        }
        if r.jobs.count > Self.jobLinesShown {
            let rest = r.jobs.dropFirst(Self.jobLinesShown)
            s += String(format: "  … %d more jobs: work %.0f s, %d instances finished (--json lists every job)\n",
                        rest.count, rest.reduce(0.0) { $0 + $1.workDone }, rest.reduce(0) { $0 + $1.instancesDone })
        }
        s += "digest \(r.digest)\n"
        return s
    }
}
