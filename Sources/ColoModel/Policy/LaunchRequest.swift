/// One intercepted kernel launch, as a ``LaunchGate`` sees it.
public struct LaunchRequest: Hashable, Codable, Sendable {
    /// The launching container.
    public var container: ContainerID
    /// Unique per simulation; the gate refers to the launch by it.
    public var launchID: UInt64
    /// Grid block count (the user-mode token cost).
    public var gridBlocks: Int
    /// The launching workload's class.
    public var priority: PriorityClass
    /// How many times this launch has been retried so far.
    public var attempt: Int

    /// Creates a launch request.
    public init(container: ContainerID, launchID: UInt64, gridBlocks: Int, priority: PriorityClass,
                attempt: Int = 0) {
        self.container = container
        self.launchID = launchID
        self.gridBlocks = gridBlocks
        self.priority = priority
        self.attempt = attempt
    }
}
