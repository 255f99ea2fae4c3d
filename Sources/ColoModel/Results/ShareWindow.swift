import SimEngine

/// Achieved shares of every container over one time window: what the token ledger consumes.
public struct ShareWindow: Hashable, Codable, Sendable {
    /// Window start.
    public var start: Instant
    /// Window end (exclusive).
    public var end: Instant
    /// Per container, its achieved shares in the window.
    public var shares: [ContainerID: EngineShares]
    /// Per container, whether it had work waiting or running in each domain at any time in the window.
    public var demanded: [ContainerID: Set<SliceDomain>]

    /// Creates a window record.
    public init(start: Instant, end: Instant, shares: [ContainerID: EngineShares],
                demanded: [ContainerID: Set<SliceDomain>] = [:]) {
        self.start = start
        self.end = end
        self.shares = shares
        self.demanded = demanded
    }
}
