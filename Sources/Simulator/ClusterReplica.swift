import Workload

/// One LS replica in a cluster run: its GPU, readiness, own load profile and fluid backlog.
struct ClusterReplica {
    var service: Int
    var gpu: Int
    var pod: Int
    var ready: Bool
    var profile: TimeSeries?
    var backlog = 0.0
    var alive = true
}
