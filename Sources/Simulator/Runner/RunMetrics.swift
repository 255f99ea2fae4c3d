/// The figures `compare`, `sweep`, `plan` and `tune` reason about, for one run of any scenario kind.
///
/// A plain value filled by the runner facade from a single-GPU or a cluster result. Fractions are in
/// [0, 1]; latencies in milliseconds. A figure a scenario kind does not have is NaN.
public struct RunMetrics: Sendable, Hashable, Codable {
    /// One latency-sensitive service or workload with a p99 target.
    public struct Service: Sendable, Hashable, Codable {
        /// Name.
        public var name: String
        /// 99th-percentile latency, ms (NaN without requests).
        public var p99Ms: Double
        /// The p99 target, ms.
        public var targetMs: Double
        /// Fraction of requests within the target.
        public var attainment: Double
        /// Fraction of the service's replica time with no GPU (replicas that could not be placed serve
        /// nothing, so their load is missing from p99 and attainment); 0 on a single GPU.
        public var unplacedFraction: Double
        /// Requests served over the run (NaN when the simulator does not count them).
        public var requests: Double

        /// Creates a service line.
        public init(name: String, p99Ms: Double, targetMs: Double, attainment: Double, unplacedFraction: Double = 0,
                    requests: Double = .nan) {
            self.name = name
            self.p99Ms = p99Ms
            self.targetMs = targetMs
            self.attainment = attainment
            self.unplacedFraction = unplacedFraction
            self.requests = requests
        }
    }

    /// The policy run (kernel-mode policy or isolation engine for single-GPU scenarios).
    public var policy: String
    /// Mean utilization of the GPUs in use.
    public var utilization: Double
    /// Mean utilization over every provisioned GPU (equals ``utilization`` on one GPU).
    public var provisionedUtilization: Double
    /// GPUs used (mean over time for clusters).
    public var gpusUsed: Double
    /// GPUs provisioned.
    public var gpusProvisioned: Int
    /// Best-effort throughput: completed BE requests per second (single GPU), or GPU-seconds of BE
    /// work per second (cluster).
    public var beThroughput: Double
    /// Mean |achieved − configured| share over the containers' active domains (NaN for clusters).
    public var weightError: Double
    /// The latency-sensitive services with a p99 target.
    public var services: [Service]
    /// The run digest.
    public var digest: String
    /// Clusters: the GPUs of the nodes that ever held a pod (``ClusterSimulationResult/gpusOfNodesUsed``);
    /// nil for single-GPU runs.
    public var gpusOfNodesUsed: Int? = nil

    /// Creates run metrics.
    public init(policy: String, utilization: Double, provisionedUtilization: Double, gpusUsed: Double,
                gpusProvisioned: Int, beThroughput: Double, weightError: Double, services: [Service], digest: String) {
        self.policy = policy
        self.utilization = utilization
        self.provisionedUtilization = provisionedUtilization
        self.gpusUsed = gpusUsed
        self.gpusProvisioned = gpusProvisioned
        self.beThroughput = beThroughput
        self.weightError = weightError
        self.services = services
        self.digest = digest
    }

    /// The lowest SLA attainment over the services (1 without services).
    public var slaAttainment: Double { services.map(\.attainment).min() ?? 1 }

    /// The service whose p99 is furthest above (or least below) its target, by p99 / target.
    public var worstService: Service? {
        services.max { ratio($0, nil) < ratio($1, nil) }
    }

    /// Whether every service's p99 is within its own target, or within `p99TargetMs` when given, with
    /// at most 1 % of its offered requests unserved (no replica, no GPU, dropped). A service without
    /// completed requests (NaN p99) misses.
    public func slaMet(p99TargetMs: Double? = nil) -> Bool {
        services.allSatisfy { s in
            let target = p99TargetMs ?? s.targetMs
            return s.p99Ms.isFinite && s.p99Ms <= target && s.unplacedFraction <= 0.01
        }
    }

    /// The lowest ratio of a service's served requests to `offered[name]` (1 when nothing is comparable):
    /// below 1 when load went unserved, e.g. replicas left without a GPU.
    public func servedFraction(of offered: [String: Double]) -> Double {
        services.compactMap { s -> Double? in
            guard let o = offered[s.name], o.isFinite, o > 0, s.requests.isFinite else { return nil }
            return s.requests / o
        }.min() ?? 1
    }

    func ratio(_ s: Service, _ target: Double?) -> Double {
        let t = target ?? s.targetMs
        return s.p99Ms.isFinite && t > 0 ? s.p99Ms / t : .infinity
    }
}
