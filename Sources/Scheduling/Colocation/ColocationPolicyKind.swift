/// The co-location policies by scenario / CLI name (DESIGN §6).
public enum ColocationPolicyKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// One instance per whole GPU (the baseline).
    case dedicated
    /// Fractional pods packed per GPU; the user-mode engine enforces compute quotas.
    case shared
    /// BE pods use what LS pods leave; LS preempts BE.
    case preemptive
    /// LS and BE contexts alternate by weighted time slices.
    case timeSliced = "time-sliced"
    /// LS replicas follow a diurnal load; freed GPUs are lent to BE jobs and reclaimed.
    case tidal

    /// The policy names as scenarios and the CLI spell them.
    public static var names: [String] { allCases.map(\.rawValue) }
}

extension ColocationPolicyKind {
    /// A fresh scheduler of this policy with `config` over an empty cluster.
    public func make(_ config: ColocationConfig, typicalPods: [TypicalPod] = []) -> ColocationScheduler {
        ColocationScheduler(kind: self, config: config, typicalPods: typicalPods)
    }
}
