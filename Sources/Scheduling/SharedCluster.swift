import ColoModel

/// The authoritative cluster state that several schedulers bind into with optimistic concurrency.
///
/// Omega (Schwarzkopf et al., EuroSys'13): each scheduler decides on its own snapshot and commits;
/// a commit fails — a conflict — if the node changed under it. Fine-grained checking (Omega's
/// default) fails only if the pod no longer fits on the GPUs it chose; coarse-grained checking fails
/// whenever another scheduler touched the node since the snapshot.
public struct SharedCluster: Sendable, Hashable {
    /// The committed state.
    public private(set) var state: ClusterState
    /// Per node, the number of commits and releases applied so far.
    public private(set) var versions: [UInt64]
    /// Per node, the scheduler that last changed it (-1: none).
    public private(set) var lastWriter: [Int]
    /// Successful commits.
    public private(set) var commits = 0
    /// Rejected commits.
    public private(set) var conflicts = 0

    /// Wraps an initial state.
    public init(_ state: ClusterState) {
        self.state = state
        versions = Array(repeating: 0, count: state.nodes.count)
        lastWriter = Array(repeating: -1, count: state.nodes.count)
    }

    /// Tries to commit `placement`, decided by scheduler `writer` on a snapshot in which the node
    /// had version `seenVersion`. Returns whether it was applied.
    public mutating func commit(_ placement: Placement, by writer: Int, seenVersion: UInt64, fineGrained: Bool = true) -> Bool {
        let i = placement.node
        let shape = placement.shape
        let node = state.nodes[i]
        var fits = node.cpuLeft >= shape.cpuMilli && node.memoryLeft >= shape.memoryMiB
        for g in placement.gpus where g >= node.gpuMilliLeft.count || node.gpuMilliLeft[g] < shape.gpuMilli { fits = false }
        let changedByOther = versions[i] != seenVersion && lastWriter[i] != writer
        if !fits || (!fineGrained && changedByOther) {
            conflicts += 1
            return false
        }
        state.nodes[i].cpuLeft -= shape.cpuMilli
        state.nodes[i].memoryLeft -= shape.memoryMiB
        for g in placement.gpus { state.nodes[i].gpuMilliLeft[g] -= shape.gpuMilli }
        let tag = shape.affinityTag
        if tag >= 0, tag < state.nodes[i].affinityCounts.count { state.nodes[i].affinityCounts[tag] += 1 }
        state.nodes[i].podCount += 1
        versions[i] += 1
        lastWriter[i] = writer
        commits += 1
        return true
    }

    /// Releases a committed pod.
    public mutating func release(_ placement: Placement, by writer: Int) {
        let i = placement.node
        let shape = placement.shape
        state.nodes[i].cpuLeft += shape.cpuMilli
        state.nodes[i].memoryLeft += shape.memoryMiB
        for g in placement.gpus { state.nodes[i].gpuMilliLeft[g] += shape.gpuMilli }
        let tag = shape.affinityTag
        if tag >= 0, tag < state.nodes[i].affinityCounts.count { state.nodes[i].affinityCounts[tag] -= 1 }
        state.nodes[i].podCount -= 1
        versions[i] += 1
        lastWriter[i] = writer
    }
}
