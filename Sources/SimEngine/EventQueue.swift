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

    @usableFromInline var heap: [Entry] = []
    @usableFromInline var nextSequence: UInt64 = 0

    /// Creates an empty queue with room for `capacity` pending events.
    public init(capacity: Int = 0) { heap.reserveCapacity(capacity) }

    /// Number of pending entries (cancelled ones included until they reach the top).
    @inlinable public var count: Int { heap.count }
    /// Whether no entries are pending.
    @inlinable public var isEmpty: Bool { heap.isEmpty }
    /// The time of the earliest pending entry.
    @inlinable public var minimumTime: Time? { heap.first?.time }

    /// Inserts `payload` at `time`; lower `priority` runs first among equal times.
    @inlinable @discardableResult
    public mutating func push(_ payload: Payload, at time: Time, priority: Int16 = 0) -> EventID {
        let seq = nextSequence
        nextSequence &+= 1
        let key = (UInt64(UInt16(bitPattern: priority) ^ 0x8000) << 48) | (seq & Self.sequenceMask)
        let entry = Entry(time: time, key: key, payload: payload)
        heap.append(entry)
        siftUp(from: heap.count - 1, entry)
        return EventID(sequence: seq)
    }

    /// Removes and returns the earliest entry.
    @inlinable
    public mutating func pop() -> (time: Time, id: EventID, payload: Payload)? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty { siftDown(from: 0, last) }
        return (top.time, EventID(sequence: top.sequence), top.payload)
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
