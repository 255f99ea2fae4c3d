/// Well-known metric and series names that reports and comparisons understand.
///
/// Simulators may record any other names too; these are the ones charts and comparison tables pick
/// up. Fractions are in [0, 1], times in milliseconds unless the name says otherwise.
public enum MetricName {
    /// Summary: mean GPU utilization over the run (fraction).
    public static let gpuUtilization = "gpu_utilization"
    /// Summary: fraction of latency-sensitive requests within their SLA.
    public static let slaAttainment = "sla_attainment"
    /// Summary/workload: p99 latency in ms.
    public static let p99Ms = "p99_ms"
    /// Summary/workload: the p99 SLA target in ms.
    public static let slaTargetMs = "sla_target_ms"
    /// Summary/workload: whether every SLA was met (bool).
    public static let slaMet = "sla_met"
    /// Summary: number of GPUs used.
    public static let gpusUsed = "gpus_used"
    /// Summary: best-effort throughput (work units per second).
    public static let beThroughput = "be_throughput"
    /// Summary: mean absolute error between configured and achieved shares (fraction).
    public static let weightError = "weight_error"

    /// Time series of cluster-wide GPU utilization; per-GPU series are `gpu_utilization/<gpu>`.
    public static let utilizationSeries = "gpu_utilization"
    /// The prefix every GPU utilization series starts with.
    public static let utilizationSeriesPrefix = "gpu_utilization"

    /// The prefix of a cluster run's per-GPU heat-map rows: `gpu_heat.<gpu>`, the GPU's mean
    /// utilization in each column of the run (report heat maps).
    public static let heatSeriesPrefix = "gpu_heat."

    /// Summary metrics shown as fractions in the policy comparison chart, in display order.
    public static let comparisonFractions = [gpuUtilization, slaAttainment, weightError]
}
