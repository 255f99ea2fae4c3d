/// The events of a cluster run.
enum ClusterEvent: Sendable {
    case step
    case scale
    case submit(job: Int)
    case replicaReady(replica: Int)
    /// Churn: create the replacement of a replica whose pod ends soon.
    case surge(replica: Int)
    /// Churn: a replica's pod ends; its replacement takes over.
    case retire(replica: Int)
}
