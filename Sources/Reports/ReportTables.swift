import ResultStore

/// Builds the tables of a report from its runs (pure; no I/O).
public enum ReportTables {
    /// Summary metrics shown in the runs table, in order, when any run has them.
    public static let summaryColumns = [
        MetricName.gpuUtilization, MetricName.slaAttainment, MetricName.p99Ms, MetricName.gpusUsed,
        MetricName.beThroughput, MetricName.weightError, MetricName.slaMet,
    ]

    /// All tables for `input`, in display order; empty tables are left out.
    public static func tables(for input: ReportInput) -> [ReportTable] {
        [answer(input), runs(input), latency(input), workloads(input), shares(input)].compactMap { $0 }
    }

    /// Formats a metric value for a table cell.
    public static func cell(_ value: MetricValue?) -> String {
        switch value {
        case nil: return "–"
        case .number(let v)? where v.isNaN: return "–"   // not applicable to this run
        case .bool(let b)?: return b ? "yes" : "no"
        case .number(let v)?: return ReportCharts.formatNumber(v)
        }
    }

    static func runs(_ input: ReportInput) -> ReportTable? {
        guard !input.runs.isEmpty else { return nil }
        let metrics = summaryColumns.filter { m in input.runs.contains { $0.summary[m] != nil } }
        let rows = input.runs.map { r in
            [ReportInput.label(r), r.scenarioName, String(r.seed), r.digest] + metrics.map { cell(r.summary[$0]) }
        }
        return ReportTable(title: "Runs", header: ["run", "scenario", "seed", "digest"] + metrics.map(ReportCharts.displayName),
                           rows: rows)
    }

    /// The fraction of requests within `target` ms read off a CDF (0 if none is that fast).
    public static func fractionWithin(_ cdf: LatencyCDF, target: Double) -> Double {
        cdf.points.filter { $0.latencyMs <= target }.map(\.fraction).max() ?? 0
    }

    static func latency(_ input: ReportInput) -> ReportTable? {
        var rows: [[String]] = []
        for r in input.runs {
            for c in r.latencyCDFs {
                guard let target = c.slaTargetMs else {
                    rows.append([ReportInput.label(r), c.workload, "–", "–", "–", "–"])
                    continue
                }
                let f = fractionWithin(c, target: target)
                rows.append([ReportInput.label(r), c.workload, ReportCharts.formatPercentile(c.slaQuantile),
                             ReportCharts.formatNumber(target), ReportCharts.formatNumber(f),
                             f >= c.slaQuantile ? "yes" : "no"])
            }
        }
        guard !rows.isEmpty else { return nil }
        return ReportTable(title: "Latency against SLA",
                           header: ["run", "workload", "SLA percentile", "target (ms)", "fraction within target", "met"],
                           rows: rows)
    }

    static func workloads(_ input: ReportInput) -> ReportTable? {
        let names = Set(input.runs.flatMap { $0.workloads.flatMap { $0.metrics.keys } }).sorted()
        guard !names.isEmpty || input.runs.contains(where: { !$0.workloads.isEmpty }) else { return nil }
        var rows: [[String]] = []
        for r in input.runs {
            for w in r.workloads {
                rows.append([ReportInput.label(r), w.name, w.kind] + names.map { cell(w.metrics[$0]) })
            }
        }
        return ReportTable(title: "Workloads", header: ["run", "workload", "kind"] + names, rows: rows)
    }

    static func shares(_ input: ReportInput) -> ReportTable? {
        var rows: [[String]] = []
        for r in input.runs {
            for s in r.shares {
                rows.append([ReportInput.label(r), s.container, s.engine, ReportCharts.formatNumber(s.configured),
                             ReportCharts.formatNumber(s.achieved), ReportCharts.formatNumber(s.achieved - s.configured)])
            }
        }
        guard !rows.isEmpty else { return nil }
        return ReportTable(title: "Configured vs achieved share",
                           header: ["run", "container", "engine", "configured", "achieved", "achieved − configured"],
                           rows: rows)
    }
}
