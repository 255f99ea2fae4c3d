extension EventQueue {
    /// Checks the heap property: no entry precedes its parent. Traps in debug and test builds.
    public func checkInvariants() {
        #if DEBUG
        precondition(isHeapOrdered, "EventQueue: heap order violated")
        #endif
    }

    /// Whether the heap property holds (for tests in any build mode).
    ///
    /// While the root is vacant (after ``pop()``), its two children root independent subheaps, so
    /// they are not compared with the stale root.
    public var isHeapOrdered: Bool {
        let first = hasHole ? 3 : 1
        guard heap.count > first else { return true }
        return (first..<heap.count).allSatisfy { !heap[$0].precedes(heap[($0 - 1) >> 1]) }
    }
}
