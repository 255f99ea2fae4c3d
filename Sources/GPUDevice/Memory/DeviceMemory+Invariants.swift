extension DeviceMemory {
    /// Memory invariants: never over capacity, per-container sums match, quotas respected.
    public func invariantViolations() -> [String] {
        var out: [String] = []
        if used > capacity { out.append("memory: \(used) bytes held > capacity \(capacity)") }
        if used < 0 { out.append("memory: negative use \(used)") }
        let sum = usedBy.values.reduce(0, +)
        if sum != used { out.append("memory: per-container sum \(sum) != total \(used)") }
        for (c, b) in usedBy { if let q = quota[c], b > q { out.append("memory: \(c) holds \(b) > quota \(q)") } }
        return out
    }
}
