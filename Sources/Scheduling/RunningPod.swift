import ColoModel

/// A pod bound in the cluster, as preemption and multi-scheduler bookkeeping see it.
public struct RunningPod: Sendable, Hashable {
    /// Caller's id for the pod.
    public var id: Int
    /// Where it runs and what it holds.
    public var placement: Placement
    /// LS or BE.
    public var priorityClass: PriorityClass
    /// Numeric priority.
    public var priority: Int

    /// Creates a record.
    public init(id: Int, placement: Placement, priorityClass: PriorityClass, priority: Int) {
        self.id = id
        self.placement = placement
        self.priorityClass = priorityClass
        self.priority = priority
    }
}
