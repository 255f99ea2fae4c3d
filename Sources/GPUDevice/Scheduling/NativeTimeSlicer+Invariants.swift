import ColoModel

extension NativeTimeSlicer {
    /// Time-slicer invariants: work-conserving (someone busy ⇒ a holder), the holder is busy,
    /// every busy context is attached.
    public func invariantViolations() -> [String] {
        var out: [String] = []
        if !busy.isEmpty && holder == nil { out.append("time-slicer: busy contexts \(busy.sorted()) but no holder") }
        if let h = holder, !busy.contains(h) { out.append("time-slicer: holder \(h) is not busy") }
        for c in busy where !attached.contains(c) { out.append("time-slicer: busy \(c) not attached") }
        if busy.count > 1 && liveToken == 0 { out.append("time-slicer: contention without a slice timer") }
        return out
    }
}
