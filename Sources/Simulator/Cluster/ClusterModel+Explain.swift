import Foundation
import Scheduling

extension ClusterModel {
    /// Whether decisions of `kind` are explained in this run.
    func explains(_ kind: ColocationDecisionKind) -> Bool {
        config.explain > 0 && (config.explainKinds?.contains(kind) ?? true)
    }

    /// Counts the explanations and keeps the first `config.explain` of each kind.
    mutating func record(_ explanations: [ColocationExplanation]) {
        for x in explanations where explains(x.kind) {
            let n = decisionCounts[x.kind, default: 0] + 1
            decisionCounts[x.kind] = n
            if n <= config.explain { decisions.append(named(x)) }
        }
    }

    /// Explains the BE pods that LS pods preempt on `gpu` under a preempting engine, one decision per
    /// episode (the first step of a run of steps with LS and the BE pod on the GPU), with the node
    /// model's measurements of the state.
    mutating func explainPreemptions(gpu: Int, state: NodeColocationState, sources: [PodSource],
                                     response: NodeResponse, now: Double) {
        guard explains(.preempt), config.policy == .preemptive else { return }
        var ls: [Int] = []
        for src in sources { if case .replica(let r) = src { ls.append(r) } }
        var fresh: [ColocationExplanation] = []
        for (n, src) in sources.enumerated() {
            guard case .job(let j) = src, n < response.pods.count else { continue }
            let pod = jobBase + j
            guard !ls.isEmpty else {
                preempting.remove(pod)
                continue
            }
            if preempting.insert(pod).inserted {
                let p = response.pods[n]
                let facts = ColocationPreemption(
                    lsPods: ls, engine: "\(isolation.engineName) (\(Self.engineDetail(isolation)))",
                    utilization: response.utilization, beComputeShare: p.computeShare, beWorkPerSecond: p.workPerSecond,
                    switchesPerSecond: response.contextSwitchesPerSecond)
                fresh.append(ColocationExplanation(time: now, kind: .preempt, pod: pod, gpu: gpu, reason: .preemption(facts)))
            }
        }
        record(fresh)
    }

    static func engineDetail(_ spec: IsolationSpec) -> String {
        switch spec {
        case .kernelMode(let p, _, _): p.rawValue
        case .userMode(let p): "policy \(p.policy.rawValue)"
        case .userModeTimeSliced: "time-sliced quotas"
        case .none: "native time-slicing"
        }
    }

    /// The explanation with names for its pod and service, and (evictions) what the evicted job loses.
    func named(_ x: ColocationExplanation) -> ClusterDecision {
        var reason = x.reasonText(pod: podName, service: serviceName)
        if x.kind == .evict, let p = x.pod { reason += evictionCost(p) }
        var service = x.service.map(serviceName)
        if service == nil, let p = x.pod, p >= 0, p < jobBase, p < replicas.count {
            service = config.services[replicas[p].service].name
        }
        return ClusterDecision(time: x.time, kind: x.kind, pod: x.pod.map(podName), podIsReplica: (x.pod ?? jobBase) < jobBase,
                               service: service, gpu: x.gpu, reason: reason)
    }

    /// A service's name.
    func serviceName(_ s: Int) -> String {
        config.services.indices.contains(s) ? config.services[s].name : "service \(s)"
    }

    /// A job's name, or a replica's `service#k` (its k-th replica, from 0).
    func podName(_ p: Int) -> String {
        if p >= jobBase, p - jobBase < jobs.count { return jobs[p - jobBase].config.name }
        guard p >= 0, p < replicas.count else { return "pod \(p)" }
        let s = replicas[p].service
        return "\(config.services[s].name)#\(replicas[..<p].count { $0.service == s })"
    }

    /// What evicting job pod `p` costs it, from its state before the eviction.
    func evictionCost(_ p: Int) -> String {
        guard p >= jobBase, p - jobBase < jobs.count else { return "" }
        let j = jobs[p - jobBase]
        if j.generator != nil { return "; job \(j.config.name) loses no work (its queued bursts wait for a GPU)" }
        let since = j.lastCheckpointTime.map { "its checkpoint at \(ClusterDecision.clock($0))" } ?? "it started (no checkpoint yet)"
        return String(format: "; job %@ loses %.0f s of GPU work since %@ (progress %.0f of %.0f s), restart cost %.0f s",
                      j.config.name, j.progress - j.lastCheckpoint, since, j.progress, j.totalWork, j.restartCost)
    }

    /// The kept decisions in time order (ties in the order they were made).
    var decisionsInTimeOrder: [ClusterDecision] {
        decisions.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }
}
