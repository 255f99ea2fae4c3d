import Foundation
import Scheduling

extension ClusterModel {
    /// Hands `event` to the policy and returns its actions; in an explained run (`config.explain > 0`)
    /// it also asks a copy of the policy taken before the event why (a pure reconstruction), so
    /// unexplained runs do exactly what they did before and keep their digests.
    mutating func decide(_ event: ColocationEvent, now: Double) -> [ColocationAction] {
        guard config.explain > 0 else { return policy.handle(event, now: now) }
        if case .arbitrate = event, !explains(.preempt) { return policy.handle(event, now: now) }
        let before = policy
        let actions = policy.handle(event, now: now)
        record(before.explain(event, actions: actions, now: now), event: event)
        return actions
    }

    /// Whether decisions of `kind` are explained in this run.
    func explains(_ kind: ColocationDecisionKind) -> Bool {
        config.explain > 0 && (config.explainKinds?.contains(kind) ?? true)
    }

    /// Counts the explanations and keeps the first `config.explain` of each kind. A preemption is one
    /// decision per episode: the first step of a run of steps in which LS preempts the BE pod on its GPU.
    mutating func record(_ explanations: [ColocationExplanation], event: ColocationEvent) {
        var fresh = explanations
        if case .arbitrate(_, let demands) = event {
            let preemptedNow = Set(explanations.compactMap { $0.kind == .preempt ? $0.pod : nil })
            fresh = explanations.filter { x in x.kind != .preempt || x.pod.map { !preempting.contains($0) } == true }
            for d in demands where d.priorityClass == .bestEffort {
                if preemptedNow.contains(d.pod) { preempting.insert(d.pod) } else { preempting.remove(d.pod) }
            }
        }
        for x in fresh where explains(x.kind) {
            let n = decisionCounts[x.kind, default: 0] + 1
            decisionCounts[x.kind] = n
            if n <= config.explain { decisions.append(named(x)) }
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

    /// What evicting job pod `p` costs it, from its state before the eviction: the work since its last
    /// checkpoint (the simulator takes it back) and the restart it pays when it runs again.
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
