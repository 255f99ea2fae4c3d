/// Makes the policy a ``ColocationPolicyKind`` names.
extension ColocationPolicyKind {
    /// A fresh policy of this kind over an empty cluster.
    public func make(_ config: ColocationConfig) -> any ColocationPolicy {
        switch self {
        case .dedicated: DedicatedPolicy(config: config)
        case .shared: SharedPolicy(config: config)
        case .preemptive: PreemptivePolicy(config: config)
        case .timeSliced: TimeSlicedPolicy(config: config)
        case .tidal: TidalPolicy(config: config)
        }
    }
}
