/// One named summary figure of a case, e.g. `workloads.ls.latency_p99_ms`.
public struct Metric: Sendable, Hashable, Codable {
    /// Dotted path of the figure in the case's report.
    public var name: String
    /// Its value.
    public var value: Double

    /// Creates a metric.
    public init(_ name: String, _ value: Double) {
        self.name = name
        self.value = value
    }
}
