/// What ``ResultStore/merge(from:)`` did.
public struct MergeResult: Sendable, Equatable {
    /// Runs copied into this store.
    public var inserted: Int
    /// Runs skipped because a run with the same key was already here.
    public var skipped: Int
    /// Sweeps registered from the other store that were new here.
    public var sweepsAdded: Int

    /// Creates a merge result.
    public init(inserted: Int, skipped: Int, sweepsAdded: Int) {
        self.inserted = inserted
        self.skipped = skipped
        self.sweepsAdded = sweepsAdded
    }
}
