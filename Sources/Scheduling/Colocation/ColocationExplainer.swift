import ColoModel

/// Pure functions that reconstruct why a co-location policy took its actions, from its state
/// before them (used by ``ColocationPolicy/explain(_:actions:now:)``; no clock, no I/O).
public enum ColocationExplainer {
    /// Explains the binds and queueings in `actions` under `rule`, replaying them over `occupancy`
    /// (the occupancy before the first of them) so each is explained against the state it saw.
    /// `pods` holds the pods the actions may name (the submitted pod, the waiting queue).
    public static func placements(_ actions: [ColocationAction], pods: [Int: ColocationPod],
                                  occupancy: inout ColocationOccupancy, rule: ColocationPlacementRule,
                                  config: ColocationConfig, now: Double) -> [ColocationExplanation] {
        var out: [ColocationExplanation] = []
        for a in actions {
            switch a {
            case .bind(let id, let gpu):
                guard let pod = pods[id] else { continue }
                let why = ColocationPlacementRules.choice(rule, for: pod, in: occupancy, config: config)
                out.append(ColocationExplanation(time: now, kind: .bind, pod: id, gpu: gpu,
                                                 reason: .placement(pod: pod, rule: rule, choice: why.choice)))
                occupancy.bind(pod, gpu: gpu)
            case .queued(let id):
                guard let pod = pods[id] else { continue }
                let why = ColocationPlacementRules.choice(rule, for: pod, in: occupancy, config: config)
                out.append(ColocationExplanation(time: now, kind: .queued, pod: id,
                                                 reason: .placement(pod: pod, rule: rule, choice: why.choice)))
            default:
                continue
            }
        }
        return out
    }

    /// Explains each BE pod that LS work preempts in the arbitration of `gpu` (the `.grants` in
    /// `actions` for `demands`): how busy LS is, how often it wakes, what the BE pod wanted and got.
    public static func preemptions(gpu: Int, demands: [GPUPodDemand], actions: [ColocationAction],
                                   now: Double) -> [ColocationExplanation] {
        var grants: GPUStepGrants?
        for case .grants(let g) in actions { grants = g }
        guard let out = grants, out.grants.count == demands.count else { return [] }
        var result: [ColocationExplanation] = []
        for (i, g) in out.grants.enumerated() where demands[i].priorityClass == .bestEffort && g.preemptionsPerSecond > 0 {
            var lsPods: [Int] = []
            var lsIdle = 1.0
            var wakeups = 0.0
            var maxWait = 0.0
            var otherBE = 0
            for (k, d) in demands.enumerated() {
                if d.priorityClass == .latencySensitive {
                    lsPods.append(d.pod)
                    lsIdle *= 1 - out.grants[k].duty
                    wakeups += d.activationsPerSecond
                    maxWait = max(maxWait, out.grants[k].maxWait)
                } else if k != i && out.grants[k].duty > 0 {
                    otherBE += 1
                }
            }
            let facts = ColocationPreemption(
                lsPods: lsPods, lsDuty: 1 - lsIdle, lsWakeupsPerSecond: wakeups, beDemand: demands[i].demand,
                beDuty: g.duty, otherBEPods: otherBE, preemptionsPerSecond: g.preemptionsPerSecond,
                lostWorkPerSecond: g.lostWorkPerSecond, lsMaxWait: maxWait)
            result.append(ColocationExplanation(time: now, kind: .preempt, pod: g.pod, gpu: gpu, reason: .preemption(facts)))
        }
        return result
    }

    /// The actions of a policy that gives no reasons of its own, each with the policy as its reason,
    /// plus the preemptions its arbitration reports.
    public static func generic(_ event: ColocationEvent, actions: [ColocationAction], policy: ColocationPolicyKind,
                               now: Double) -> [ColocationExplanation] {
        if case .arbitrate(let gpu, let demands) = event {
            return preemptions(gpu: gpu, demands: demands, actions: actions, now: now)
        }
        var service: Int?
        if case .serviceLoad(let s, _) = event { service = s }
        return actions.compactMap { a -> ColocationExplanation? in
            switch a {
            case .bind(let pod, let gpu):
                ColocationExplanation(time: now, kind: .bind, pod: pod, gpu: gpu, reason: .policy(policy))
            case .queued(let pod):
                ColocationExplanation(time: now, kind: .queued, pod: pod, reason: .policy(policy))
            case .evict(let pod, let gpu):
                ColocationExplanation(time: now, kind: .evict, pod: pod, service: service, gpu: gpu, reason: .policy(policy))
            case .startReplica(let s, let gpu):
                ColocationExplanation(time: now, kind: .startReplica, service: s, gpu: gpu, reason: .policy(policy))
            case .stopReplica(let s, let gpu):
                ColocationExplanation(time: now, kind: .stopReplica, service: s, gpu: gpu, reason: .policy(policy))
            case .grants:
                nil
            }
        }
    }
}
