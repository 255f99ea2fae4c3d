/// The facts behind one co-location decision (see ``ColocationExplanation``).
public enum ColocationReason: Sendable, Hashable {
    /// A placement rule bound the pod, or found no GPU for it, given the occupancy before.
    case placement(pod: ColocationPod, rule: ColocationPlacementRule, choice: ColocationPlacementChoice)
    /// Tidal autoscaling: a replica started or stopped, or a lent GPU was reclaimed for a replica.
    case scaling(TidalScaling)
    /// LS work preempts BE work on a GPU (``ColocationArbitration/priority(gpu:demands:config:)``).
    case preemption(ColocationPreemption)
    /// A policy that gives no reasons of its own took the action.
    case policy(ColocationPolicyKind)
}
