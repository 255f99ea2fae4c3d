import Scheduling

/// One explained co-location decision of a cluster run (`colosim run --explain`), with names.
public struct ClusterDecision: Sendable, Hashable {
    /// Simulated time, seconds since the start.
    public var time: Double
    /// What was decided.
    public var kind: ColocationDecisionKind
    /// The pod concerned: a job's name or a replica's `service#k`; nil for replica starts and stops.
    public var pod: String?
    /// Whether `pod` is a service replica (else a BE job).
    public var podIsReplica: Bool
    /// The service that scaled, or that reclaimed an evicted pod's GPU.
    public var service: String?
    /// The GPU concerned (nil when a pod is queued).
    public var gpu: Int?
    /// Why, with the numbers behind it.
    public var reason: String

    /// Creates a decision.
    public init(time: Double, kind: ColocationDecisionKind, pod: String?, podIsReplica: Bool = false, service: String?,
                gpu: Int?, reason: String) {
        self.time = time
        self.kind = kind
        self.pod = pod
        self.podIsReplica = podIsReplica
        self.service = service
        self.gpu = gpu
        self.reason = reason
    }
}

extension ClusterDecision {
    /// Simulated seconds as `HH:MM:SS` (hours go past 24 in runs longer than a day; seconds rounded down).
    public static func clock(_ t: Double) -> String {
        let total = t.isFinite ? max(0, Int(t.rounded(.down))) : 0
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(two(total / 3600)):\(two(total / 60 % 60)):\(two(total % 60))"
    }
}
