/// An output of the co-location scheduler; the simulator carries it out.
public enum ColocationAction: Sendable, Hashable {
    /// Bind the pod to the GPU.
    case bind(pod: Int, gpu: Int)
    /// No GPU can take the pod now; it waits in the queue.
    case queued(pod: Int)
    /// Take the pod off its GPU (its progress since the last checkpoint is lost); it is queued again.
    case evict(pod: Int, gpu: Int)
    /// Start a replica of an autoscaled service on the GPU.
    case startReplica(service: Int, gpu: Int)
    /// Stop a replica of an autoscaled service; the GPU becomes free.
    case stopReplica(service: Int, gpu: Int)
}
