extension SliceScheduler {
    /// Violated invariants, as messages; empty when all hold.
    ///
    /// At most one owner (a share of 1 at most); under `burst` and `online-preempts-offline` the owner is
    /// busy (work-conserving); under `weight-preemptive` the owner is attached; a running slice has an end.
    public var invariantViolations: [String] {
        var v: [String] = []
        if let o = owner {
            if !weights.indices.contains(o) { v.append("owner \(o) is not a container") }
            else {
                switch policy {
                case .burst, .onlinePreemptsOffline:
                    if !busy[o] { v.append("owner \(o) is idle under \(policy.rawValue)") }
                case .weightPreemptive:
                    if !attached[o] { v.append("owner \(o) is not attached") }
                case .fixed: break
                }
            }
            if sliceEndNs == nil { v.append("owner \(o) holds the domain without a slice end") }
        }
        if policy == .onlinePreemptsOffline, let o = owner, !online[o],
           weights.indices.contains(where: { busy[$0] && online[$0] }) {
            v.append("offline owner \(o) runs while an online container is busy")
        }
        return v
    }
}
