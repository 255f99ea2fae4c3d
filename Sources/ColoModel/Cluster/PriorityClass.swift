/// The scheduling priority class of a pod: latency-sensitive (online) or best-effort (offline).
///
/// LS pods may preempt BE pods (DESIGN §7). The numeric ``PodRequest/priority`` orders pods inside
/// a class, like a Kubernetes PriorityClass value.
public enum PriorityClass: String, Sendable, Codable, Hashable, CaseIterable {
    /// Latency-sensitive: online services with an SLA.
    case latencySensitive = "LS"
    /// Best-effort: offline work that uses what LS leaves.
    case bestEffort = "BE"
}
