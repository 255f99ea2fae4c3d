import ColoModel

/// An input to ``MultiScheduler`` (with `now`, seconds).
public enum MultiSchedulerEvent: Sendable, Hashable {
    /// A pod is created; it waits in the queue of the scheduler it names.
    case arrive(pod: Int, request: PodRequest)
    /// Scheduler `scheduler` runs one scheduling cycle: it takes its queue's head, picks a node on
    /// its own (possibly stale) view, assumes the pod there and sends the bind.
    case cycle(scheduler: Int)
    /// A bind sent by `scheduler` reaches the API server, which accepts it only if the node still
    /// has room (optimistic concurrency).
    case bindArrives(scheduler: Int, pod: Int, placement: Placement)
    /// Scheduler `scheduler` refreshes its view from the API server (informer resync).
    case sync(scheduler: Int)
    /// A bound pod ends and gives its resources back.
    case depart(pod: Int)
}
