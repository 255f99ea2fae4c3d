import Foundation

/// CSV export of runs: one row per run, identity columns then one column per summary metric.
///
/// RFC 4180 quoting (fields with `,`, `"` or line breaks are quoted, quotes doubled), `\n` line
/// ends, numbers in Swift's shortest round-trip form, booleans as `true`/`false`, missing values
/// empty, NaN as `nan`. Metric columns are the union of all runs' summary names, sorted.
public enum RunCSV {
    /// The identity columns, in order.
    public static let identityColumns = [
        "id", "run_key", "scenario_name", "scenario_hash", "policy", "seed", "digest", "colosim_version",
        "started_at", "finished_at", "sweep_id", "point_key",
    ]

    /// Renders `runs` as CSV text.
    public static func render(_ runs: [RunSummary]) -> String {
        let metricNames = Set(runs.flatMap { $0.summary.keys }).sorted()
        var out = (identityColumns + metricNames).map(quote).joined(separator: ",") + "\n"
        for r in runs {
            var fields = [
                String(r.id), r.runKey, r.scenarioName, r.scenarioHash, r.policy, String(r.seed), r.digest,
                r.colosimVersion, RunRecord.isoString(r.startedAt), RunRecord.isoString(r.finishedAt),
                r.sweepID ?? "", r.pointKey ?? "",
            ]
            for name in metricNames {
                fields.append(r.summary[name].map(format) ?? "")
            }
            out += fields.map(quote).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Formats a metric for CSV.
    public static func format(_ value: MetricValue) -> String {
        switch value {
        case .bool(let b): return b ? "true" : "false"
        case .number(let v):
            if v.isNaN { return "nan" }
            if v.isInfinite { return v > 0 ? "inf" : "-inf" }
            return "\(v)"
        }
    }

    /// Quotes a field when RFC 4180 requires it.
    public static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
