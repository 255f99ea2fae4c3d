/// Colours of the report charts. Each chart family has its own colours so a screenshot test can
/// tell which chart drew which pixels. Based on the Tableau/D3 "category10/20" palettes.
public enum ReportPalette {
    /// GPU utilization lines (first = cluster-wide or first run).
    public static let utilization = ["#1f77b4", "#08519c", "#6baed6", "#aec7e8", "#3182bd", "#9ecae1"]
    /// Latency CDF lines.
    public static let latency = ["#2ca02c", "#006d2c", "#74c476", "#98df8a", "#31a354", "#a1d99b"]
    /// The SLA target line.
    public static let sla = "#d62728"
    /// Configured share bars.
    public static let configured = "#393b79"
    /// Achieved share bars.
    public static let achieved = "#ff7f0e"
    /// Bars of the five policies of DESIGN §6, then others.
    public static let policies: [String: String] = [
        "dedicated": "#8c564b", "shared": "#9467bd", "preemptive": "#e377c2",
        "time-sliced": "#bcbd22", "tidal": "#17becf",
    ]
    /// Colours for policies not in ``policies``.
    public static let otherPolicies = ["#7b4173", "#637939", "#843c39", "#5254a3", "#8ca252"]

    /// The colour of `policy`, given the order policies appear in (for unknown ones).
    public static func color(policy: String, index: Int) -> String {
        policies[policy] ?? otherPolicies[index % otherPolicies.count]
    }

    /// `palette[i]`, cycling.
    public static func pick(_ palette: [String], _ i: Int) -> String { palette[i % palette.count] }
}
