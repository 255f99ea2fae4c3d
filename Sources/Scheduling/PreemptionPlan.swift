/// Which BE pods to evict, and on which node, so that an LS pod fits.
public struct PreemptionPlan: Sendable, Hashable {
    /// The node that will host the preemptor.
    public var node: Int
    /// Ids of the pods to evict (``RunningPod/id``), lowest priority first.
    public var victims: [Int]
    /// Highest priority among the victims.
    public var maxVictimPriority: Int

    /// A one-line explanation.
    public func explanation(nodeName: String) -> String {
        "preempts \(victims.count) BE pod(s) \(victims.map(String.init).joined(separator: ",")) "
            + "(priority ≤ \(maxVictimPriority)) on \(nodeName)"
    }
}
