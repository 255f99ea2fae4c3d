/// A max-heap of (score, node rank) candidates for one pod shape, with lazy deletion.
///
/// Entries carry the node version they were scored at; an entry whose version is no longer the
/// node's is stale and is dropped when it reaches the top. The best valid entry is the node with the
/// highest score and, among equal scores, the lowest rank — the scheduler's ranked tie-break rule.
struct BestNodeHeap: Sendable {
    struct Entry: Sendable {
        var score: Int64
        var rank: Int32
        var node: Int32
        var version: UInt32
    }

    private(set) var entries: [Entry] = []
    /// Position in the scheduler's change log up to which this shape's candidates are current.
    var logPosition = 0

    @inline(__always)
    private static func above(_ a: Entry, _ b: Entry) -> Bool {
        a.score > b.score || (a.score == b.score && a.rank < b.rank)
    }

    var count: Int { entries.count }
    var top: Entry? { entries.first }

    mutating func push(_ e: Entry) {
        entries.append(e)
        var i = entries.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.above(entries[i], entries[parent]) else { break }
            entries.swapAt(i, parent)
            i = parent
        }
    }

    mutating func popTop() {
        guard !entries.isEmpty else { return }
        let last = entries.removeLast()
        guard !entries.isEmpty else { return }
        entries[0] = last
        siftDown(0)
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        let n = entries.count
        while true {
            let l = 2 * i + 1
            if l >= n { break }
            var m = l
            if l + 1 < n && Self.above(entries[l + 1], entries[l]) { m = l + 1 }
            guard Self.above(entries[m], entries[i]) else { break }
            entries.swapAt(i, m)
            i = m
        }
    }

    /// Keeps only entries for which `valid` holds and restores the heap order.
    mutating func compact(_ valid: (Entry) -> Bool) {
        entries.removeAll { !valid($0) }
        if entries.count > 1 {
            for i in stride(from: entries.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
        }
    }
}
