/// The BE pods running on each node, kept in victim order, plus a per-node cache of preemption
/// plans, for priority preemption in a replay.
///
/// Only best-effort pods can be victims (DESIGN §6–§7: LS pods evict BE pods of lower priority,
/// never LS pods), so only they are kept. On each node they are sorted the way
/// ``Scheduler/preemptionPlan(for:candidates:)`` takes victims: lowest priority first, then the
/// largest GPU holder, then the lowest id. Each node's plan for a
/// (pod shape, priority) is cached and recomputed only when the node changed since (a bind or release
/// in the scheduler, or an ``add(_:)`` / ``remove(ids:from:)`` here), so a preemption looks only at
/// the BE pods of nodes that changed. Use one index with one scheduler.
public struct PreemptionCandidates: Sendable {
    /// BE pods per node index, in victim order.
    public private(set) var byNode: [[RunningPod]]
    /// Tie-break rank of each node (lower wins; equal ranks: lower index), the node index when no
    /// ranking was given.
    public let rank: [Int]
    /// Number of BE pods kept.
    public private(set) var count = 0

    /// Per node, bumped by every add and remove.
    private(set) var version: [UInt32]
    private var planSlots: [PlanKey: Int] = [:]
    /// Per (slot, node): the versions the cached plan was computed at (0: none).
    var planVersion: [UInt64] = []
    /// Per (slot, node): victims the node's plan takes (0: no plan on that node).
    var planTaken: [Int32] = []
    /// Per (slot, node): the highest victim priority of the node's plan.
    var planHighest: [Int] = []

    private struct PlanKey: Hashable {
        var shape: PodShape
        var priority: Int
    }

    /// An empty index over `nodes` nodes; `nodeRank` (one entry per node, lower wins) orders them,
    /// else the node index does. Pass the scheduler's ``Scheduler/nodeRank``.
    public init(nodes: Int, nodeRank: [Int]? = nil) {
        let ranks = nodeRank?.count == nodes ? nodeRank ?? [] : Array(0..<nodes)
        byNode = Array(repeating: [], count: nodes)
        version = Array(repeating: 1, count: nodes)
        rank = ranks
    }

    /// Whether `a` is taken as a victim before `b`: lower priority, then more GPU, then lower id.
    public static func precedes(_ a: RunningPod, _ b: RunningPod) -> Bool {
        (a.priority, -a.placement.shape.totalGPUMilli, a.id) < (b.priority, -b.placement.shape.totalGPUMilli, b.id)
    }

    /// Records a bound pod; LS pods are not kept (they are never victims) but mark their node changed.
    public mutating func add(_ pod: RunningPod) {
        let node = pod.placement.node
        guard node >= 0, node < byNode.count else { return }
        touch(node)
        guard pod.priorityClass == .bestEffort else { return }
        var lo = 0
        var hi = byNode[node].count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Self.precedes(byNode[node][mid], pod) { lo = mid + 1 } else { hi = mid }
        }
        byNode[node].insert(pod, at: lo)
        count += 1
    }

    /// Removes the pods of `ids` from `node` and returns them (in victim order).
    @discardableResult
    public mutating func remove(ids: [Int], from node: Int) -> [RunningPod] {
        guard node >= 0, node < byNode.count else { return [] }
        touch(node)
        let wanted = Set(ids)
        let removed = byNode[node].filter { wanted.contains($0.id) }
        byNode[node].removeAll { wanted.contains($0.id) }
        count -= removed.count
        return removed
    }

    /// The cache slot of plans for pods of `shape` and `priority` (created empty on first use).
    mutating func planSlot(_ shape: PodShape, priority: Int) -> Int {
        let key = PlanKey(shape: shape, priority: priority)
        if let s = planSlots[key] { return s }
        let s = planSlots.count
        planSlots[key] = s
        planVersion.append(contentsOf: repeatElement(0, count: byNode.count))
        planTaken.append(contentsOf: repeatElement(0, count: byNode.count))
        planHighest.append(contentsOf: repeatElement(0, count: byNode.count))
        return s
    }

    private mutating func touch(_ node: Int) {
        version[node] &+= 1
        if version[node] == 0 { version[node] = 1 }
    }
}
