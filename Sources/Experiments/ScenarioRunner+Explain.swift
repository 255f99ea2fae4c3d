import Foundation
import Scheduling
import Simulator

extension ScenarioRunner {
    /// The "Decisions" section `colosim run --explain N` prints after a cluster run's summary: the
    /// count of each explained kind, then the kept decisions (the first `limit` of each kind) in time order.
    static func decisionsText(_ result: ClusterSimulationResult, limit: Int, kinds: [ColocationDecisionKind]) -> String {
        let counts = kinds.map { k in
            let n = result.decisionCounts[k, default: 0]
            return "\(k.rawValue) \(min(n, limit)) of \(n)"
        }
        var s = "Decisions (first \(limit) of each kind, in time order; shown of made: \(counts.joined(separator: ", "))):\n"
        if result.decisions.isEmpty { s += "  (none)\n" }
        for d in result.decisions { s += "  " + line(d) + "\n" }
        return s
    }

    /// One decision as a line: `t=HH:MM:SS kind subject — reason`.
    static func line(_ d: ClusterDecision) -> String {
        let kind = d.kind.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)
        let pod = d.pod.map { d.podIsReplica ? "replica \($0)" : "job \($0)" }
        let gpu = d.gpu.map { "GPU \($0)" } ?? "?"
        let subject: String = switch d.kind {
        case .bind: "\(pod ?? "?") → \(gpu)"
        case .queued: "\(pod ?? "?") waits"
        case .evict: "\(pod ?? "?") from \(gpu)"
        case .startReplica, .stopReplica: "\(d.service ?? "?") on \(gpu)"
        case .preempt: "\(pod ?? "?") on \(gpu)"
        }
        return "t=\(ClusterDecision.clock(d.time)) \(kind) \(subject) — \(d.reason)"
    }

    /// `json` (the cluster report) with `explanations` (the kept decisions: `t_s`, `kind`, `pod`,
    /// `service`, `gpu`, `reason`), `explanation_counts` (decisions made per explained kind) and
    /// `explain_limit` added; the other keys are unchanged.
    static func addingDecisions(_ result: ClusterSimulationResult, limit: Int, kinds: [ColocationDecisionKind],
                                to json: String) -> String {
        guard var doc = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else { return json }
        doc["explanations"] = result.decisions.map { d -> [String: Any] in
            ["t_s": d.time, "clock": ClusterDecision.clock(d.time), "kind": d.kind.rawValue,
             "pod": d.pod ?? NSNull(), "pod_kind": d.pod == nil ? NSNull() : (d.podIsReplica ? "replica" : "job"),
             "service": d.service ?? NSNull(), "gpu": d.gpu ?? NSNull(), "reason": d.reason]
        }
        doc["explanation_counts"] = Dictionary(uniqueKeysWithValues: kinds.map { ($0.rawValue, result.decisionCounts[$0, default: 0]) })
        doc["explain_limit"] = limit
        guard let data = try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .prettyPrinted]),
              let s = String(data: data, encoding: .utf8) else { return json }
        return s
    }
}
