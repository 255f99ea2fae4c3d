/// The feasible nodes of one pod shape as a Fenwick tree over node indices, so the k-th feasible
/// node (in node order) is found in O(log n) and a node's change costs O(log n).
///
/// Fenwick, "A new data structure for cumulative frequency tables", Software: Practice and
/// Experience 24(3), 1994.
struct FeasibleNodeIndex: Sendable {
    private var tree: [Int32]
    private var member: [Bool]
    /// Position in the scheduler's change log up to which this index is current (-1: not built).
    var logPosition = -1
    /// Number of feasible nodes.
    private(set) var count = 0

    init(nodes: Int) {
        tree = Array(repeating: 0, count: nodes + 1)
        member = Array(repeating: false, count: nodes)
    }

    /// Sets whether node `i` is feasible.
    mutating func set(_ i: Int, _ feasible: Bool) {
        guard member[i] != feasible else { return }
        member[i] = feasible
        count += feasible ? 1 : -1
        let delta: Int32 = feasible ? 1 : -1
        var j = i + 1
        while j < tree.count {
            tree[j] += delta
            j += j & -j
        }
    }

    /// The `k`-th feasible node (0-based, in node order), or -1.
    func node(at k: Int) -> Int {
        guard k >= 0, k < count else { return -1 }
        var pos = 0
        var remaining = Int32(k + 1)
        var step = 1
        while step * 2 < tree.count { step *= 2 }
        while step > 0 {
            let next = pos + step
            if next < tree.count && tree[next] < remaining {
                pos = next
                remaining -= tree[next]
            }
            step /= 2
        }
        return pos
    }
}
