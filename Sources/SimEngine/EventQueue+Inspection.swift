extension EventQueue {
    /// Insertion sequence numbers of all pending entries (used to drop stale cancellations).
    public var pendingSequences: Set<UInt64> {
        var s = Set<UInt64>(minimumCapacity: count)
        for i in heap.indices where !(hasHole && i == 0) { s.insert(heap[i].sequence) }
        return s
    }
}
