/// The service class of a container or workload (DESIGN §5–§7).
public enum PriorityClass: String, Hashable, Codable, Sendable, CaseIterable {
    /// Latency-sensitive (online) work.
    case latencySensitive = "LS"
    /// Best-effort (offline) work.
    case bestEffort = "BE"
}
