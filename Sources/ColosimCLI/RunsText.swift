import Foundation
import ResultStore

/// Plain-text rendering of stored runs for the terminal.
enum RunsText {
    /// Formats a metric value compactly.
    static func value(_ v: MetricValue?) -> String {
        switch v {
        case nil: return "-"
        case .bool(let b)?: return b ? "yes" : "no"
        case .number(let d)?: return number(d)
        }
    }

    /// Up to 6 significant digits, `nan`/`inf` spelled out.
    static func number(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(format: "%.6g", d)
    }

    /// Left-aligned columns separated by two spaces.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                i == cells.count - 1 ? c : c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// The `runs list` table.
    static func listTable(_ runs: [RunSummary]) -> String {
        let header = ["id", "scenario", "policy", "seed", "digest", "started", "sweep/point",
                      "utilization", "sla_attainment"]
        let rows = runs.map { r in
            [String(r.id), r.scenarioName, r.policy, String(r.seed), r.digest, RunRecord.isoString(r.startedAt),
             r.sweepID.map { "\($0)/\(r.pointKey ?? "")" } ?? "-",
             value(r.summary[MetricName.gpuUtilization]), value(r.summary[MetricName.slaAttainment])]
        }
        return table(header, rows)
    }

    /// The `runs show` text.
    static func show(_ r: RunRecord) -> String {
        var s = """
            run \(r.id.map(String.init) ?? "?")  (key \(r.runKey))
            scenario:  \(r.scenarioName)  (hash \(r.scenarioHash), \(r.scenarioText.utf8.count) bytes)
            policy:    \(r.policy)
            seed:      \(r.seed)
            digest:    \(r.digest)
            version:   colosim \(r.colosimVersion)
            started:   \(RunRecord.isoString(r.startedAt))
            finished:  \(RunRecord.isoString(r.finishedAt))

            """
        if let sw = r.sweepID { s += "sweep:     \(sw) point \(r.pointKey ?? "")\n" }
        if !r.summary.isEmpty {
            s += "\nsummary\n"
            s += table(["metric", "value"], r.summary.keys.sorted().map { [$0, value(r.summary[$0])] })
        }
        if !r.workloads.isEmpty {
            s += "\nworkloads\n"
            var rows: [[String]] = []
            for w in r.workloads {
                for k in w.metrics.keys.sorted() { rows.append([w.name, w.kind, k, value(w.metrics[k])]) }
                if w.metrics.isEmpty { rows.append([w.name, w.kind, "-", "-"]) }
            }
            s += table(["workload", "kind", "metric", "value"], rows)
        }
        if !r.gpus.isEmpty {
            s += "\ngpus\n"
            var rows: [[String]] = []
            for g in r.gpus { for k in g.metrics.keys.sorted() { rows.append([g.gpu, k, value(g.metrics[k])]) } }
            s += table(["gpu", "metric", "value"], rows)
        }
        if !r.shares.isEmpty {
            s += "\nshares\n"
            s += table(["container", "engine", "configured", "achieved"],
                       r.shares.map { [$0.container, $0.engine, number($0.configured), number($0.achieved)] })
        }
        if !r.latencyCDFs.isEmpty {
            s += "\nlatency CDFs\n"
            s += table(["workload", "sla_target_ms", "sla_quantile", "points", "max_ms"], r.latencyCDFs.map {
                [$0.workload, $0.slaTargetMs.map(number) ?? "-", number($0.slaQuantile), String($0.points.count),
                 $0.points.last.map { number($0.latencyMs) } ?? "-"]
            })
        }
        if !r.series.isEmpty {
            s += "\ntime series\n"
            s += table(["series", "points", "t_end_s"], r.series.keys.sorted().map { k in
                let p = r.series[k] ?? []
                return [k, String(p.count), p.last.map { number($0.t) } ?? "-"]
            })
        }
        return s
    }
}
