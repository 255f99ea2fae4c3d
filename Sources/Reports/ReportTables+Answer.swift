import ResultStore

extension ReportTables {
    /// The planner's answer, first (cluster runs only): per run, the GPUs it used, the GPUs saved
    /// against the `dedicated` run of the same report, utilization, and the worst service's p99
    /// against its SLA target. Nil when no run has a GPU count.
    static func answer(_ input: ReportInput) -> ReportTable? {
        let cluster = input.runs.filter { $0.summary[MetricName.gpusUsed] != nil }
        guard !cluster.isEmpty else { return nil }
        func number(_ v: MetricValue?) -> Double? {
            if case .number(let x)? = v, x.isFinite { return x }
            return nil
        }
        let dedicated = cluster.first { $0.policy == "dedicated" }.flatMap { number($0.summary[MetricName.gpusUsed]) }
        let rows = cluster.map { r -> [String] in
            let gpus = number(r.summary[MetricName.gpusUsed])
            let saved = zip2(dedicated, gpus).map { ReportCharts.formatNumber($0 - $1) } ?? "–"
            var worst: (ratio: Double, p99: Double, target: Double)?
            for w in r.workloads {
                guard let p = number(w.metrics[MetricName.p99Ms]), let t = number(w.metrics[MetricName.slaTargetMs]), t > 0
                else { continue }
                if worst.map({ p / t > $0.ratio }) ?? true { worst = (p / t, p, t) }
            }
            let p99 = worst.map { "\(ReportCharts.formatNumber($0.p99)) / \(ReportCharts.formatNumber($0.target))" } ?? "–"
            return [ReportInput.label(r), r.policy, gpus.map(ReportCharts.formatNumber) ?? "–", saved,
                    cell(r.summary[MetricName.gpuUtilization]), p99, cell(r.summary[MetricName.slaMet])]
        }
        return ReportTable(title: "Answer: GPUs needed per policy",
                           header: ["run", "policy", "GPUs used", "GPUs saved vs dedicated", "GPU utilization",
                                    "worst p99 / SLA (ms)", "every SLA met"],
                           rows: rows)
    }

    /// Both values, or nil.
    private static func zip2(_ a: Double?, _ b: Double?) -> (Double, Double)? {
        guard let a, let b else { return nil }
        return (a, b)
    }
}
