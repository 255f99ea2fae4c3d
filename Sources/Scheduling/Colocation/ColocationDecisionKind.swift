/// What a co-location decision did: the kinds of decision `colosim run --explain` lists.
public enum ColocationDecisionKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A pod was bound to a GPU.
    case bind
    /// A pod found no GPU and waits in the policy's queue.
    case queued
    /// A BE pod was taken off its GPU (tidal reclaim); it loses its work since its last checkpoint.
    case evict
    /// An autoscaled service started a replica on a GPU.
    case startReplica = "start-replica"
    /// An autoscaled service stopped a replica; its GPU is freed.
    case stopReplica = "stop-replica"
    /// LS work on a GPU preempts a BE pod during a step (the BE pod runs only while LS is idle).
    case preempt

    /// The kinds as the CLI and JSON spell them.
    public static var names: [String] { allCases.map(\.rawValue) }
}
