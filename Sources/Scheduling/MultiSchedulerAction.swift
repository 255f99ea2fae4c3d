/// An output of ``MultiScheduler``; the driver delivers binds after a latency and counts outcomes.
public enum MultiSchedulerAction: Sendable, Hashable {
    /// Send this bind to the API server.
    case sendBind(scheduler: Int, pod: Int, placement: Placement)
    /// The API server bound the pod.
    case bound(scheduler: Int, pod: Int, placement: Placement)
    /// The API server refused a stale bind: the node no longer had room. The pod is queued again.
    case conflict(scheduler: Int, pod: Int, node: Int)
    /// No node fits the pod in the scheduler's view; it is queued again for a later cycle.
    case unschedulable(scheduler: Int, pod: Int)
    /// The named scheduler does not exist; the pod is dropped.
    case unknownScheduler(pod: Int, name: String)
}
