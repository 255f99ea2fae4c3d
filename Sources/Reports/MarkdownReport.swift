import ResultStore

/// Renders a Markdown report: the same tables as the HTML report, plus a list of its charts.
public enum MarkdownReport {
    /// Renders the report for `input`.
    public static func render(_ input: ReportInput) -> String {
        var md = "# \(input.title)\n\n\(HTMLReport.metaLine(input))\n\n"
        for t in ReportTables.tables(for: input) {
            md += "## \(t.title)\n\n"
            md += "| " + t.header.map(cell).joined(separator: " | ") + " |\n"
            md += "|" + t.header.map { _ in " --- |" }.joined() + "\n"
            for row in t.rows { md += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
            md += "\n"
        }
        for map in ReportHeatMap.heatMaps(for: input) { md += heatMap(map) }
        let charts = ReportCharts.charts(for: input)
        if !charts.isEmpty {
            md += "## Charts\n\nIn the HTML report (`colosim report … --html FILE`):\n\n"
            for c in charts { md += "- \(c.title)\n" }
            md += "\n"
        }
        return md
    }

    /// A heat map as a text block: one line per GPU, one shade per column (`·` idle, `░▒▓█` by quarter).
    static func heatMap(_ map: ReportHeatMap) -> String {
        let span = map.columnWidthHours * Double(map.columnHours.count)
        let every = span > 36 ? 12.0 : span > 12 ? 6.0 : span > 3 ? 1.0 : max(map.columnWidthHours, 1e-3) * 8
        let pad = (map.rows.map(\.count).max() ?? 0) + 1
        func padded(_ s: String) -> String { s + String(repeating: " ", count: max(0, pad - s.count)) }
        var md = "## Heat map — \(map.title)\n\n"
        md += "Each column is \(ReportCharts.formatNumber(map.columnWidthHours * 60)) simulated minutes; "
        md += "utilization `·` idle, `░` < 25 %, `▒` < 50 %, `▓` < 75 %, `█` ≥ 75 %.\n\n```\n"
        md += padded("") + map.ruler(every: every) + "\n"
        for (label, row) in zip(map.rows, map.values) {
            md += padded(label) + String(row.map(ReportHeatMap.shade)) + "\n"
        }
        return md + "```\n\n"
    }

    /// Escapes a Markdown table cell (`|` and line breaks).
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
