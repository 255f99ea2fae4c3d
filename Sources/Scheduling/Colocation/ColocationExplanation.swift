/// Why a co-location policy took one action: the decision, its subject and the facts behind it.
///
/// Built only when a run is explained (``ColocationPolicy/explain(_:actions:now:)`` reconstructs it
/// from the policy's state before the action), so unexplained runs pay nothing for it. Pods and
/// services are the policy's indices; ``reasonText(pod:service:)`` names them.
public struct ColocationExplanation: Sendable, Hashable {
    /// Simulated time of the decision, seconds.
    public var time: Double
    /// What was decided.
    public var kind: ColocationDecisionKind
    /// The pod bound, queued, evicted or preempted (nil for replica starts and stops).
    public var pod: Int?
    /// The autoscaled service that scaled, or that reclaimed the GPU of an evicted pod.
    public var service: Int?
    /// The GPU concerned (nil when a pod is queued).
    public var gpu: Int?
    /// The facts behind the decision.
    public var reason: ColocationReason

    /// Creates an explanation.
    public init(time: Double, kind: ColocationDecisionKind, pod: Int? = nil, service: Int? = nil, gpu: Int? = nil,
                reason: ColocationReason) {
        self.time = time
        self.kind = kind
        self.pod = pod
        self.service = service
        self.gpu = gpu
        self.reason = reason
    }
}
