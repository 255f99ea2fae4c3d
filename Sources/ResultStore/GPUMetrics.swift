/// Metrics of one simulated GPU in a run.
public struct GPUMetrics: Codable, Sendable, Hashable {
    /// GPU identifier, unique within the run (e.g. `node0/gpu1`).
    public var gpu: String
    /// Metric name → value (e.g. `utilization`, `memory_peak_gib`).
    public var metrics: [String: MetricValue]

    /// Creates the metrics of one GPU.
    public init(gpu: String, metrics: [String: MetricValue] = [:]) {
        self.gpu = gpu
        self.metrics = metrics
    }
}
