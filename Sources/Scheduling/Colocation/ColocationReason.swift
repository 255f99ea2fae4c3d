/// The facts behind one co-location decision (see ``ColocationExplanation``).
public enum ColocationReason: Sendable, Hashable {
    /// The scheduler (filter → score → bind with `placement`) bound the pod, or found no node for it.
    case placement(pod: ColocationPod, placement: String, choice: ColocationPlacementChoice)
    /// Tidal autoscaling: a replica started or stopped, or a lent GPU was reclaimed for a replica.
    case scaling(TidalScaling)
    /// LS work preempted BE work on a GPU, as the node model measured it.
    case preemption(ColocationPreemption)
}
