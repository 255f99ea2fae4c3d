/// One chart of a report: a canvas id, a caption and a Chart.js configuration.
public struct ChartSpec: Sendable, Equatable {
    /// Which of the report's chart families this is.
    public enum Kind: String, Sendable {
        /// GPU utilization over time.
        case utilization
        /// Latency CDF of one workload against its SLA.
        case latency
        /// Policy comparison bars.
        case policies
        /// GPUs used per policy.
        case gpusUsed
        /// Configured vs achieved share.
        case shares
    }

    /// Chart family.
    public var kind: Kind
    /// DOM id of the chart's canvas.
    public var id: String
    /// Caption shown above the chart.
    public var title: String
    /// The Chart.js configuration (`type`, `data`, `options`).
    public var config: JSONValue

    /// Creates a chart spec.
    public init(kind: Kind, id: String, title: String, config: JSONValue) {
        self.kind = kind
        self.id = id
        self.title = title
        self.config = config
    }
}
