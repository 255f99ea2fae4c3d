import ResultStore
import Simulator

extension RunRecord {
    /// Sets the well-known summary metrics (``MetricName``) from `m`.
    public mutating func fill(from m: RunMetrics) {
        setSummary(MetricName.gpuUtilization, m.utilization)
        setSummary("provisioned_utilization", m.provisionedUtilization)
        setSummary(MetricName.slaAttainment, m.slaAttainment)
        setSummary(MetricName.slaMet, m.slaMet())
        setSummary(MetricName.gpusUsed, m.gpusUsed)
        setSummary("gpus_provisioned", Double(m.gpusProvisioned))
        setSummary(MetricName.beThroughput, m.beThroughput)
        setSummary(MetricName.weightError, m.weightError)
        if let w = m.worstService {
            setSummary(MetricName.p99Ms, w.p99Ms)
            setSummary(MetricName.slaTargetMs, w.targetMs)
        }
    }
}
