extension UserModeEngine {
    /// Violated invariants, as messages; empty when all hold.
    ///
    /// Tokens are conserved (pool = initial + added − spent), the pool never exceeds its capacity and
    /// never falls below zero by more than one launch, shares stay within [0, capacity], memory stays
    /// within every quota and the device.
    public var invariantViolations: [String] {
        var v: [String] = []
        var used: Int64 = 0
        for (c, s) in states.enumerated() {
            if s.tokens != s.tokensInitial + s.tokensAdded - s.tokensSpent {
                v.append("container \(c): tokens \(s.tokens) ≠ initial \(s.tokensInitial) + added \(s.tokensAdded) − spent \(s.tokensSpent)")
            }
            if s.tokens > max(s.capacity, s.tokensInitial) { v.append("container \(c): tokens \(s.tokens) over capacity \(s.capacity)") }
            if s.tokens < -s.largestCost { v.append("container \(c): tokens \(s.tokens) below −\(s.largestCost)") }
            if s.share < 0 || s.share > s.capacity { v.append("container \(c): share \(s.share) outside [0, \(s.capacity)]") }
            if let q = configs[c].memoryQuotaBytes, s.memoryUsedBytes > 0, s.memoryUsedBytes + s.contextMemoryBytes > q {
                v.append("container \(c): memory \(s.memoryUsedBytes) + context \(s.contextMemoryBytes) over quota \(q)")
            }
            if !states.indices.contains(s.watchedSlot) { v.append("container \(c): watched slot \(s.watchedSlot) unknown") }
            used += s.memoryUsedBytes + s.contextMemoryBytes
        }
        if used > deviceMemoryBytes { v.append("device memory \(used) over capacity \(deviceMemoryBytes)") }
        return v
    }
}
