/// Where a service or job of a cluster scenario came from in a live Kubernetes cluster (the `k8s:`
/// key written by `colosim import k8s`, docs/import.md). Informational: it names the pod in
/// reports and keeps what the simulator does not model (the scheduler that bound it, its priority).
public struct ClusterPodOrigin: Sendable, Hashable {
    /// `namespace/name` of the pod.
    public var pod: String
    /// `spec.schedulerName` (`default-scheduler` when the pod gave none).
    public var scheduler: String
    /// `spec.priorityClassName`, if any.
    public var priorityClass: String?
    /// `spec.priority`, if any.
    public var priority: Int?
    /// `spec.nodeName`, nil for a pending pod.
    public var node: String?

    /// Creates an origin.
    public init(pod: String, scheduler: String, priorityClass: String? = nil, priority: Int? = nil, node: String? = nil) {
        self.pod = pod
        self.scheduler = scheduler
        self.priorityClass = priorityClass
        self.priority = priority
        self.node = node
    }
}
