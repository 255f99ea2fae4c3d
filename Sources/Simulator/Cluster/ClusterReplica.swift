import Workload

/// One service replica in a cluster run: its GPU, readiness and own load profile.
struct ClusterReplica {
    var service: Int
    var gpu: Int
    var pod: Int
    var ready: Bool
    var profile: TimeSeries?
    var alive = true
    /// The replica's slot in its service (churn: a replacement takes its predecessor's slot).
    var slot = 0
    /// Churn: the replacement created before this replica's pod ends.
    var successor: Int?
}
