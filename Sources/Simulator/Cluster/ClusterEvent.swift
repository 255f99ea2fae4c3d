/// The events of a cluster run.
enum ClusterEvent: Sendable {
    case step
    case scale
    case submit(job: Int)
    case replicaReady(replica: Int)
}
