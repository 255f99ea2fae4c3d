import SimEngine

/// Device memory a workload allocates at its start (or `at`) and holds for `holdFor` (nil: to the end).
public struct MemorySpec: Hashable, Codable, Sendable {
    /// Bytes per allocation.
    public var bytes: Int64
    /// Number of allocations of `bytes`, made one after the other.
    public var count: Int
    /// Time of the first allocation, from the run start.
    public var at: SimDuration
    /// How long each allocation is held; nil = until the end of the run.
    public var holdFor: SimDuration?

    /// Creates a memory workload.
    public init(bytes: Int64, count: Int = 1, at: SimDuration = .zero, holdFor: SimDuration? = nil) {
        self.bytes = bytes
        self.count = count
        self.at = at
        self.holdFor = holdFor
    }
}
