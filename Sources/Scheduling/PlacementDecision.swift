import ColoModel

/// The outcome of scheduling one pod, with the facts that explain it.
public struct PlacementDecision: Sendable, Hashable {
    /// Where the pod was bound, or `nil` when no node fits (the pod fails).
    public var placement: Placement?
    /// The winning score (policy units), meaningful when placed.
    public var score: Int64
    /// Number of nodes that passed the filter (-1: not counted, see ``Scheduler/explains``).
    public var feasibleNodes: Int
    /// Number of feasible nodes sharing the best score (-1: not counted).
    public var tiedNodes: Int
    /// How a tie among the best nodes was broken: by the scheduler's node ranking (`true`) or by
    /// the pod's draw (`false`).
    public var tieBrokenByRank: Bool = false
    /// Nodes per ``FilterVerdict`` (index = raw value; entry 0 counts feasible nodes); all zero when
    /// not counted.
    public var verdictCounts: [Int]
    /// When the pod fitted nowhere and was bound by preempting BE pods: the plan carried out (its
    /// victims were evicted). ``verdictCounts`` then still say why no node fitted before.
    public var preemption: PreemptionPlan? = nil
    /// Whether preemption was tried and found a plan (`true`: see ``preemption``; `false`: the pod
    /// failed); `nil` when not tried (preemption off, a BE pod, or the pod fitted somewhere).
    public var preemptionFound: Bool? = nil

    /// A one-line human explanation (for `--explain`).
    public func explanation(nodeName: (Int) -> String) -> String {
        explanation(nodeName: nodeName, podName: { "#\($0)" })
    }

    /// A one-line human explanation (for `--explain`); `podName` names preemption victims by id.
    public func explanation(nodeName: (Int) -> String, podName: (Int) -> String) -> String {
        var parts: [String] = []
        for v in FilterVerdict.allCases where v != .fits && verdictCounts[Int(v.rawValue)] > 0 {
            parts.append("\(verdictCounts[Int(v.rawValue)]) \(v.phrase)")
        }
        let rejected = parts.isEmpty ? "none rejected" : "rejected: " + parts.joined(separator: ", ")
        guard let p = placement else {
            let none = preemptionFound == false
                ? "; no preemption plan (no node where evicting lower-priority BE pods makes it fit)" : ""
            return "unschedulable: no feasible node (\(rejected))\(none)"
        }
        let gpus = p.gpus.isEmpty ? "" : " GPUs " + p.gpus.map(String.init).joined(separator: ",")
        if let plan = preemption {
            return "fits no node (\(rejected)); \(plan.explanation(nodeName: nodeName(plan.node), podName: podName))"
                + "; bound to \(nodeName(p.node))\(gpus)"
        }
        return "bound to \(nodeName(p.node))\(gpus): score \(score), best of \(feasibleNodes) feasible"
            + " nodes (\(tiedNodes) tied" + (tiedNodes > 1 ? ", tie broken by \(tieBrokenByRank ? "node rank" : "draw")" : "")
            + "); \(rejected)"
    }
}
