extension TokenLedger {
    /// Violated invariants, as messages; empty when all hold: in every window and engine the achieved
    /// shares sum to at most 1 (within `tolerance`), and configured shares per engine sum to at most 1.
    public func invariantViolations(tolerance: Double = 1e-9) -> [String] {
        var v: [String] = []
        for e in engines.indices {
            let conf = configured.reduce(0.0) { $0 + $1[e] }
            if conf > 1 + tolerance { v.append("engine \(engines[e]): configured shares sum to \(conf) > 1") }
            for w in used.indices {
                let s = used[w].reduce(0.0) { $0 + $1[e] } / Double(windowNs)
                if s > 1 + tolerance { v.append("engine \(engines[e]) window \(w): achieved shares sum to \(s) > 1") }
            }
        }
        return v
    }
}
