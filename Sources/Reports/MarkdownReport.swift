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
        let charts = ReportCharts.charts(for: input)
        if !charts.isEmpty {
            md += "## Charts\n\nIn the HTML report (`colosim report … --html FILE`):\n\n"
            for c in charts { md += "- \(c.title)\n" }
            md += "\n"
        }
        return md
    }

    /// Escapes a Markdown table cell (`|` and line breaks).
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
