extension EventQueue {
    /// Checks the heap property: no entry precedes its parent. Traps in debug and test builds.
    public func checkInvariants() {
        #if DEBUG
        for i in heap.indices.dropFirst() {
            let parent = (i - 1) >> 1
            precondition(!heap[i].precedes(heap[parent]), "EventQueue: heap order violated at \(i)")
        }
        #endif
    }

    /// Whether the heap property holds (for tests in any build mode).
    public var isHeapOrdered: Bool {
        heap.indices.dropFirst().allSatisfy { !heap[$0].precedes(heap[($0 - 1) >> 1]) }
    }
}
