/// Runs of equal consecutive values, in order: how an imported node list becomes
/// `cluster.node_groups` (adjacent nodes that are alike make one group; node order is kept).
enum ConsecutiveRuns {
    /// `values` as (run length, value) pairs, e.g. `[2, 2, 8, 2]` → `[(2, 2), (1, 8), (1, 2)]`. O(n).
    static func of<T: Equatable>(_ values: [T]) -> [(count: Int, value: T)] {
        var out: [(count: Int, value: T)] = []
        for v in values {
            if let last = out.last, last.value == v { out[out.count - 1].count += 1 } else { out.append((1, v)) }
        }
        return out
    }
}
