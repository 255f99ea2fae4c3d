/// Metrics of one workload (service or job) in a run.
public struct WorkloadMetrics: Codable, Sendable, Hashable {
    /// Workload name as in the scenario (e.g. `recsys-online`).
    public var name: String
    /// Workload kind (e.g. `ls` for latency-sensitive, `be` for best-effort, or a scenario kind).
    public var kind: String
    /// Metric name → value (see ``MetricName`` for the well-known names).
    public var metrics: [String: MetricValue]

    /// Creates the metrics of one workload.
    public init(name: String, kind: String, metrics: [String: MetricValue] = [:]) {
        self.name = name
        self.kind = kind
        self.metrics = metrics
    }
}
