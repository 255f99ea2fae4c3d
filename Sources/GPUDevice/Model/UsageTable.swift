import ColoModel

/// Usage integrals per container: a short array searched linearly (a GPU holds a handful of
/// containers), updated on every advance of the device model without hashing.
public struct UsageTable: Hashable, Sendable {
    private var ids: [ContainerID] = []
    private var values: [EngineUsage] = []

    /// An empty table.
    public init() {}

    /// The usage of `container`, nil when it has none yet.
    /// - Complexity: O(containers).
    public subscript(container: ContainerID) -> EngineUsage? {
        guard let i = ids.firstIndex(of: container) else { return nil }
        return values[i]
    }

    /// Adds `amount` of `kind` to `container`'s usage.
    /// - Complexity: O(containers).
    mutating func add(_ container: ContainerID, _ kind: EngineKind, _ amount: Double) {
        if let i = ids.firstIndex(of: container) {
            values[i].add(kind, amount)
        } else {
            var u = EngineUsage()
            u.add(kind, amount)
            ids.append(container)
            values.append(u)
        }
    }
}
