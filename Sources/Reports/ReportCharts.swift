import Foundation
import ResultStore

/// Builds the Chart.js configurations of a report from its runs (pure; no I/O).
public enum ReportCharts {
    /// At most this many lines per chart (the rest are listed in the tables only).
    public static let maxLines = 12
    /// At most this many bars in the share chart.
    public static let maxShareBars = 24

    /// All charts for `input`, in display order; charts without data are left out.
    public static func charts(for input: ReportInput) -> [ChartSpec] {
        var specs: [ChartSpec] = []
        if let u = utilization(input) { specs.append(u) }
        for (i, w) in input.latencyWorkloads.enumerated() { specs.append(latency(input, workload: w, index: i)) }
        if let p = policyComparison(input) { specs.append(p) }
        if let g = gpusUsed(input) { specs.append(g) }
        if let s = shares(input) { specs.append(s) }
        return specs
    }

    static func line(label: String, color: String, points: [(Double, Double)], width: Double = 3,
                     dash: [Double] = []) -> JSONValue {
        .object([
            "label": .string(label), "borderColor": .string(color), "backgroundColor": .string(color),
            "borderWidth": .number(width), "pointRadius": 0, "fill": false, "tension": 0,
            "borderDash": .array(dash.map { .number($0) }),
            "data": .array(points.map { .object(["x": .number($0.0), "y": .number($0.1)]) }),
        ])
    }

    static func axis(_ title: String, min: Double? = nil, max: Double? = nil, linear: Bool = true) -> JSONValue {
        var o: [String: JSONValue] = ["title": ["display": true, "text": .string(title)]]
        if linear { o["type"] = "linear" }
        if let min { o["min"] = .number(min) }
        if let max { o["max"] = .number(max) }
        return .object(o)
    }

    static func options(x: JSONValue, y: JSONValue, legend: Bool = true) -> JSONValue {
        [
            "animation": false, "responsive": true, "maintainAspectRatio": false,
            "parsing": true, "normalized": true,
            "plugins": ["legend": ["display": .bool(legend), "position": "bottom"]],
            "scales": ["x": x, "y": y],
        ]
    }

    /// GPU utilization over time: all `gpu_utilization*` series of a single run, or the cluster
    /// series of each run of a sweep.
    static func utilization(_ input: ReportInput) -> ChartSpec? {
        var lines: [JSONValue] = []
        let single = input.runs.count == 1
        // Runs over two hours (cluster days) are drawn in hours of simulated time.
        let longest = input.runs.flatMap { run in run.series.filter { $0.key.hasPrefix(MetricName.utilizationSeriesPrefix) }.values.compactMap { $0.last?.t } }.max() ?? 0
        let unit = longest > 7200 ? 3600.0 : 1
        for run in input.runs {
            let names = run.series.keys.filter { $0.hasPrefix(MetricName.utilizationSeriesPrefix) }.sorted()
            let chosen = single ? names : Array(names.prefix(1))
            for name in chosen where lines.count < maxLines {
                let label = single ? name : ReportInput.label(run)
                lines.append(line(label: label, color: ReportPalette.pick(ReportPalette.utilization, lines.count),
                                  points: (run.series[name] ?? []).map { ($0.t / unit, $0.value) }))
            }
        }
        guard !lines.isEmpty else { return nil }
        return ChartSpec(kind: .utilization, id: "chart-utilization", title: "GPU utilization over time",
                         config: ["type": "line", "data": ["datasets": .array(lines)],
                                  "options": options(x: axis(unit > 1 ? "simulated time (h)" : "simulated time (s)"),
                                                     y: axis("GPU utilization (fraction)", min: 0, max: 1))])
    }

    /// The latency CDF of `workload` in each run, with the SLA target as a dashed vertical line.
    static func latency(_ input: ReportInput, workload: String, index: Int) -> ChartSpec {
        var lines: [JSONValue] = []
        var maxX = 0.0
        var sla: (Double, Double)?
        for run in input.runs {
            for cdf in run.latencyCDFs where cdf.workload == workload && lines.count < maxLines {
                let pts = cdf.points.map { ($0.latencyMs, $0.fraction) }
                maxX = max(maxX, pts.map(\.0).filter(\.isFinite).max() ?? 0)
                if let t = cdf.slaTargetMs, sla == nil { sla = (t, cdf.slaQuantile) }
                let label = input.runs.count == 1 ? workload : ReportInput.label(run)
                lines.append(line(label: label, color: ReportPalette.pick(ReportPalette.latency, lines.count), points: pts))
            }
        }
        var title = "Latency CDF — \(workload)"
        if let (target, q) = sla {
            maxX = min(max(maxX, target * 1.25), target * 4)
            let pct = formatPercentile(q)
            title += " (SLA \(pct) ≤ \(formatNumber(target)) ms)"
            lines.append(line(label: "SLA \(pct) target \(formatNumber(target)) ms", color: ReportPalette.sla,
                              points: [(target, 0), (target, 1)], width: 3, dash: [10, 5]))
        }
        return ChartSpec(kind: .latency, id: "chart-latency-\(index)", title: title,
                         config: ["type": "line", "data": ["datasets": .array(lines)],
                                  "options": options(x: axis("latency (ms)", min: 0, max: maxX > 0 ? niceCeiling(maxX) : nil),
                                                     y: axis("fraction of requests", min: 0, max: 1))])
    }

    /// Mean of summary metric `name` over the runs of `policy` (NaN if none has it).
    static func mean(_ input: ReportInput, policy: String, metric name: String) -> Double {
        let values = input.runs.filter { $0.policy == policy }.compactMap { $0.summary[name]?.doubleValue }
        return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    /// Grouped bars: one group per fraction metric, one bar per policy (mean over its runs).
    static func policyComparison(_ input: ReportInput) -> ChartSpec? {
        let metrics = MetricName.comparisonFractions.filter { m in input.runs.contains { $0.summary[m] != nil } }
        guard !metrics.isEmpty else { return nil }
        let datasets: [JSONValue] = input.policies.enumerated().map { i, policy in
            let color = ReportPalette.color(policy: policy, index: i)
            return ["label": .string(policy), "backgroundColor": .string(color), "borderColor": .string(color),
                    "borderWidth": 0,
                    "data": .array(metrics.map { .number(mean(input, policy: policy, metric: $0)) })]
        }
        return ChartSpec(kind: .policies, id: "chart-policies", title: "Policy comparison (mean over runs)",
                         config: ["type": "bar",
                                  "data": ["labels": .array(metrics.map { .string(displayName($0)) }),
                                           "datasets": .array(datasets)],
                                  "options": options(x: axis("metric", linear: false),
                                                     y: axis("fraction", min: 0, max: 1))])
    }

    /// GPUs used per policy (mean over its runs), when recorded.
    static func gpusUsed(_ input: ReportInput) -> ChartSpec? {
        guard input.runs.contains(where: { $0.summary[MetricName.gpusUsed] != nil }) else { return nil }
        let policies = input.policies
        let colors = policies.enumerated().map { JSONValue.string(ReportPalette.color(policy: $1, index: $0)) }
        let data = policies.map { JSONValue.number(mean(input, policy: $0, metric: MetricName.gpusUsed)) }
        return ChartSpec(kind: .gpusUsed, id: "chart-gpus", title: "GPUs used per policy",
                         config: ["type": "bar",
                                  "data": ["labels": .array(policies.map { .string($0) }),
                                           "datasets": [["label": "GPUs used", "data": .array(data),
                                                         "backgroundColor": .array(colors), "borderWidth": 0]]],
                                  "options": options(x: axis("policy", linear: false),
                                                     y: axis("GPUs", min: 0), legend: false)])
    }

    /// Configured vs achieved share per container and engine.
    static func shares(_ input: ReportInput) -> ChartSpec? {
        var labels: [JSONValue] = []
        var configured: [JSONValue] = []
        var achieved: [JSONValue] = []
        for run in input.runs {
            for s in run.shares where labels.count < maxShareBars {
                let prefix = input.runs.count == 1 ? "" : ReportInput.label(run) + " "
                labels.append(.string("\(prefix)\(s.container) · \(s.engine)"))
                configured.append(.number(s.configured))
                achieved.append(.number(s.achieved))
            }
        }
        guard !labels.isEmpty else { return nil }
        return ChartSpec(kind: .shares, id: "chart-shares", title: "Configured vs achieved share",
                         config: ["type": "bar",
                                  "data": ["labels": .array(labels), "datasets": [
                                      ["label": "configured", "data": .array(configured),
                                       "backgroundColor": .string(ReportPalette.configured), "borderWidth": 0],
                                      ["label": "achieved", "data": .array(achieved),
                                       "backgroundColor": .string(ReportPalette.achieved), "borderWidth": 0],
                                  ]],
                                  "options": options(x: axis("container · engine", linear: false),
                                                     y: axis("fraction of one GPU", min: 0, max: 1))])
    }

    /// The smallest 1, 2 or 5 × 10ⁿ at or above `v` (a round axis end).
    public static func niceCeiling(_ v: Double) -> Double {
        guard v > 0, v.isFinite else { return 1 }
        let scale = pow(10, floor(log10(v)))
        for m in [1.0, 2, 2.5, 5, 10] where m * scale >= v * (1 - 1e-12) { return m * scale }
        return 10 * scale
    }

    /// Human name of a well-known metric.
    public static func displayName(_ metric: String) -> String {
        switch metric {
        case MetricName.gpuUtilization: return "GPU utilization"
        case MetricName.slaAttainment: return "SLA attainment"
        case MetricName.weightError: return "weight error"
        case MetricName.p99Ms: return "p99 (ms)"
        case MetricName.gpusUsed: return "GPUs used"
        case MetricName.beThroughput: return "BE throughput"
        case MetricName.slaMet: return "SLA met"
        default: return metric
        }
    }

    /// A number with up to 4 significant digits (`nan` for NaN).
    public static func formatNumber(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if v == v.rounded(), abs(v) < 1e9 { return String(Int64(v)) }
        var s = String(format: "%.4g", v)
        if s.contains("e") { return s }
        if s.contains(".") { while s.hasSuffix("0") { s.removeLast() } }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// `0.99` → `p99`, `0.999` → `p99.9`.
    public static func formatPercentile(_ q: Double) -> String { "p" + formatNumber(q * 100) }
}
