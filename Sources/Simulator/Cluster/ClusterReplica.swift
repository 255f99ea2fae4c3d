import Workload

/// One service replica in a cluster run: its GPU, readiness and own load profile.
struct ClusterReplica {
    var service: Int
    var gpu: Int
    var pod: Int
    var ready: Bool
    var profile: TimeSeries?
    var alive = true
}
