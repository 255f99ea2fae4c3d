import ColoModel
import Scheduling

/// Builds the explanations of a multi-scheduler run from its events and the machine's actions: why a
/// scheduler bound a pod where it did, why a bind conflicted, why a pod fit nowhere. Pure formatting
/// of the state the run already has; keeps the first `limit` decisions of each selected kind and
/// counts them all. Nothing here feeds back into the run (same digest with or without it).
struct ClusterMultiSchedulerExplainer {
    let limit: Int
    let kinds: Set<ClusterMultiSchedulerDecision.Kind>?
    let nodeNames: [String]
    private(set) var decisions: [ClusterMultiSchedulerDecision] = []
    private(set) var counts: [ClusterMultiSchedulerDecision.Kind: Int] = [:]
    /// Per pod in flight: when its scheduler decided and why.
    private var decided: [Int: (time: Double, why: String)] = [:]

    init(limit: Int, kinds: Set<ClusterMultiSchedulerDecision.Kind>?, nodeNames: [String]) {
        self.limit = max(limit, 0)
        self.kinds = kinds
        self.nodeNames = nodeNames
    }

    var isOn: Bool { limit > 0 }

    private func name(_ node: Int) -> String {
        nodeNames.indices.contains(node) ? nodeNames[node] : "node \(node)"
    }

    private mutating func record(_ d: ClusterMultiSchedulerDecision) {
        if let kinds, !kinds.contains(d.kind) { return }
        let seen = counts[d.kind, default: 0]
        counts[d.kind] = seen + 1
        if seen < limit { decisions.append(d) }
    }

    /// Takes note of one machine event and the actions it produced.
    mutating func observe(_ event: MultiSchedulerEvent, actions: [MultiSchedulerAction], now: Double,
                          machine ms: MultiScheduler, config: ClusterMultiSchedulerConfig, classOf: [Int: Int]) {
        func podClass(_ pod: Int) -> String {
            guard let c = classOf[pod], config.podClasses.indices.contains(c) else { return "?" }
            return config.podClasses[c].request.name
        }
        func schedulerName(_ m: Int) -> String { ms.members.indices.contains(m) ? ms.members[m].name : "scheduler \(m)" }
        func policyName(_ m: Int) -> String {
            config.schedulers.indices.contains(m) ? config.schedulers[m].policy.rawValue : "?"
        }
        for a in actions {
            switch a {
            case .sendBind(_, let pod, _):
                let why = ms.lastDecision.map { $0.explanation(nodeName: name) } ?? "decided"
                decided[pod] = (now, why)
            case .unschedulable(let m, let pod):
                let why = ms.lastDecision.map { $0.explanation(nodeName: name) } ?? "no node fits"
                record(ClusterMultiSchedulerDecision(
                    time: now, kind: .unschedulable, scheduler: schedulerName(m), pod: pod, podClass: podClass(pod),
                    node: nil, gpus: [],
                    reason: "\(schedulerName(m)) (\(policyName(m))) on its own view: \(why); retried after "
                        + "\(Self.seconds(config.unschedulableBackoff)) backoff"))
            case .bound(let m, let pod, let p):
                let d = decided.removeValue(forKey: pod)
                let latency = d.map { " \(Self.seconds(now - $0.time)) after deciding" } ?? ""
                record(ClusterMultiSchedulerDecision(
                    time: now, kind: .bind, scheduler: schedulerName(m), pod: pod, podClass: podClass(pod),
                    node: name(p.node), gpus: Array(p.gpus),
                    reason: "\(schedulerName(m)) (\(policyName(m))) committed the bind\(latency); it had chosen: "
                        + (d?.why ?? "bound")))
            case .conflict(let m, let pod, let node):
                let d = decided.removeValue(forKey: pod)
                var placement: Placement?
                if case .bindArrives(_, _, let p) = event { placement = p }
                record(ClusterMultiSchedulerDecision(
                    time: now, kind: .conflict, scheduler: schedulerName(m), pod: pod, podClass: podClass(pod),
                    node: name(node), gpus: placement.map { Array($0.gpus) } ?? [],
                    reason: conflictReason(scheduler: m, node: node, placement: placement, decidedAt: d?.time,
                                           now: now, machine: ms, schedulerName: schedulerName)))
            case .unknownScheduler:
                break
            }
        }
    }

    /// Why the shared cluster refused a bind: what the node lacks now and who changed it last.
    private func conflictReason(scheduler m: Int, node: Int, placement: Placement?, decidedAt: Double?, now: Double,
                                machine ms: MultiScheduler, schedulerName: (Int) -> String) -> String {
        let state = ms.truth.state.nodes[node]
        var lacks: [String] = []
        if let p = placement {
            let shape = p.shape
            if state.cpuLeft < shape.cpuMilli { lacks.append("CPU \(state.cpuLeft) of \(shape.cpuMilli) milli free") }
            if state.memoryLeft < shape.memoryMiB { lacks.append("memory \(state.memoryLeft) of \(shape.memoryMiB) MiB free") }
            for g in p.gpus where g < state.gpuMilliLeft.count && state.gpuMilliLeft[g] < shape.gpuMilli {
                lacks.append("GPU \(g) \(state.gpuMilliLeft[g]) of \(shape.gpuMilli) milli free")
            }
        }
        let writer = ms.truth.lastWriter.indices.contains(node) ? ms.truth.lastWriter[node] : -1
        let by = writer >= 0 ? (writer == m ? "its own earlier bind" : "\(schedulerName(writer))'s bind") : "another bind"
        let when = decidedAt.map { "it decided at \(Self.seconds($0)) on its view; by the bind \(Self.seconds(now - $0)) later, " } ?? ""
        return "\(schedulerName(m))'s bind rejected by the shared cluster: \(when)\(name(node)) had been changed "
            + "(last by \(by)) and now has " + (lacks.isEmpty ? "no room for it" : lacks.joined(separator: ", "))
            + "; \(schedulerName(m)) resyncs its view and retries the pod first"
    }

    /// Seconds with millisecond resolution, e.g. "0.050 s".
    static func seconds(_ s: Double) -> String {
        let ms = Int64((s * 1000).rounded())
        let sign = ms < 0 ? "-" : ""
        let a = abs(ms)
        let frac = String(a % 1000)
        return "\(sign)\(a / 1000).\(String(repeating: "0", count: 3 - frac.count))\(frac) s"
    }
}
