import ResultStore

/// What a report is about: one run, or the runs of a sweep.
public struct ReportInput: Sendable {
    /// Report title.
    public var title: String
    /// The runs, in display order.
    public var runs: [RunRecord]
    /// The sweep, when reporting on one.
    public var sweep: SweepInfo?

    /// Creates report input.
    public init(title: String, runs: [RunRecord], sweep: SweepInfo? = nil) {
        self.title = title
        self.runs = runs
        self.sweep = sweep
    }

    /// A short label for `run` in legends and tables: `#id policy [point]`.
    public static func label(_ run: RunRecord) -> String {
        var s = run.id.map { "#\($0) " } ?? ""
        s += run.policy
        if let p = run.pointKey { s += " " + p }
        return s
    }

    /// Policies in order of first appearance.
    public var policies: [String] {
        var seen: [String] = []
        for r in runs where !seen.contains(r.policy) { seen.append(r.policy) }
        return seen
    }

    /// Workloads with a latency CDF, in order of first appearance.
    public var latencyWorkloads: [String] {
        var seen: [String] = []
        for r in runs { for c in r.latencyCDFs where !seen.contains(c.workload) { seen.append(c.workload) } }
        return seen
    }
}
