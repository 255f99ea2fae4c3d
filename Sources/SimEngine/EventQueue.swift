/// Identifies a scheduled event so it can be cancelled.
public struct EventID: Hashable, Sendable {
    /// The insertion sequence number of the event (unique within one queue).
    public let sequence: UInt64
    @inlinable init(sequence: UInt64) { self.sequence = sequence }
}

/// A pending-event set ordered by (time, priority, insertion sequence).
///
/// A binary min-heap stored inline in one contiguous array: events are values, so scheduling
/// allocates nothing beyond the array's amortized growth. Ties are broken by `priority` (lower
/// first) and then by insertion sequence (FIFO), never by heap layout, so runs are reproducible.
///
/// Deferred removal: ``pop()`` hands out the root but leaves its slot as a *hole*. The next
/// ``push(_:at:priority:)`` drops the new entry into the hole and sifts it down, so the common
/// DES step "take the earliest event, schedule one successor" costs one sift-down instead of a
/// sift-down plus a sift-up (the fused "replace-top" of the hold model; Jones, "An empirical
/// comparison of priority-queue and event-set implementations", CACM 29(4), 1986). Any other
/// operation first closes the hole the ordinary way (last entry to the root, sift down), so the
/// order of events is exactly that of a plain heap.
public struct EventQueue<Time: SimTime, Payload> {
    @usableFromInline
    struct Entry {
        @usableFromInline var time: Time
        /// `(priority + 2^15) << 48 | sequence`: one integer comparison orders priority then FIFO.
        @usableFromInline var key: UInt64
        @usableFromInline var payload: Payload

        @inlinable init(time: Time, key: UInt64, payload: Payload) {
            self.time = time
            self.key = key
            self.payload = payload
        }

        @inlinable func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && key < other.key)
        }

        @inlinable var sequence: UInt64 { key & EventQueue.sequenceMask }
    }

    @usableFromInline static var sequenceMask: UInt64 { (1 << 48) - 1 }

    /// The heap; while ``hasHole`` is set, `heap[0]` is stale and not part of the queue.
    @usableFromInline var heap: [Entry] = []
    @usableFromInline var nextSequence: UInt64 = 0
    /// Whether the root slot was handed out by `pop()` and not yet refilled.
    @usableFromInline var hasHole = false

    /// Creates an empty queue with room for `capacity` pending events.
    public init(capacity: Int = 0) { heap.reserveCapacity(capacity) }

    /// Number of pending entries (cancelled ones included until they reach the top).
    @inlinable public var count: Int { hasHole ? heap.count - 1 : heap.count }
    /// Whether no entries are pending.
    @inlinable public var isEmpty: Bool { count == 0 }
    /// The time of the earliest pending entry.
    @inlinable public var minimumTime: Time? {
        if !hasHole { return heap.first?.time }
        // With the root vacant, the earliest entry is the smaller of the two subheap roots.
        let n = heap.count
        if n <= 1 { return nil }
        if n == 2 || heap[1].precedes(heap[2]) { return heap[1].time }
        return heap[2].time
    }

    /// Inserts `payload` at `time`; lower `priority` runs first among equal times.
    @inlinable @discardableResult
    public mutating func push(_ payload: Payload, at time: Time, priority: Int16 = 0) -> EventID {
        let seq = nextSequence
        nextSequence &+= 1
        let key = (UInt64(UInt16(bitPattern: priority) ^ 0x8000) << 48) | (seq & Self.sequenceMask)
        let entry = Entry(time: time, key: key, payload: payload)
        if hasHole {
            hasHole = false
            siftDown(from: 0, entry)
        } else {
            heap.append(entry)
            siftUp(from: heap.count - 1, entry)
        }
        return EventID(sequence: seq)
    }

    /// Removes and returns the earliest entry.
    @inlinable
    public mutating func pop() -> (time: Time, id: EventID, payload: Payload)? {
        closeHole()
        guard let top = heap.first else { return nil }
        hasHole = true
        return (top.time, EventID(sequence: top.sequence), top.payload)
    }

    /// Removes and returns the earliest entry if its time is before `limit` (any time if nil).
    @inlinable
    public mutating func pop(before limit: Time?) -> (time: Time, id: EventID, payload: Payload)? {
        closeHole()
        guard let top = heap.first else { return nil }
        if let limit, !(top.time < limit) { return nil }
        hasHole = true
        return (top.time, EventID(sequence: top.sequence), top.payload)
    }

    /// Refills a vacant root with the last entry (the removal half of an ordinary heap pop).
    @inlinable
    mutating func closeHole() {
        guard hasHole else { return }
        hasHole = false
        let last = heap.removeLast()
        if !heap.isEmpty { siftDown(from: 0, last) }
    }

    @inlinable
    mutating func siftUp(from start: Int, _ entry: Entry) {
        var i = start
        heap.withUnsafeMutableBufferPointer { h in
            while i > 0 {
                let parent = (i - 1) >> 1
                if !entry.precedes(h[parent]) { break }
                h[i] = h[parent]
                i = parent
            }
            h[i] = entry
        }
    }

    @inlinable
    mutating func siftDown(from start: Int, _ entry: Entry) {
        var i = start
        heap.withUnsafeMutableBufferPointer { h in
            let n = h.count
            while true {
                var child = 2 * i + 1
                if child >= n { break }
                if child + 1 < n && h[child + 1].precedes(h[child]) { child += 1 }
                if !h[child].precedes(entry) { break }
                h[i] = h[child]
                i = child
            }
            h[i] = entry
        }
    }
}
