import Foundation
import ResultStore

/// Renders a self-contained HTML report: tables, and charts drawn by the inlined Chart.js.
///
/// The page needs no network: the charting library and the chart data are embedded. Rendering is
/// deterministic (no timestamps): the same runs give the same bytes.
public enum HTMLReport {
    /// Renders the report for `input`, inlining `chartLibrary` (the JavaScript of ``ChartLibrary``).
    public static func render(_ input: ReportInput, chartLibrary: String) throws -> String {
        let charts = ReportCharts.charts(for: input)
        var tables = ReportTables.tables(for: input)
        // The planner's answer comes first, above the charts.
        let answer = tables.first?.title.hasPrefix("Answer") == true ? tables.removeFirst() : nil
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(input.title))</title>
            <style>
            body { font-family: sans-serif; margin: 16px 24px; color: #222; background: #fff; }
            h1 { font-size: 20px; margin: 0 0 4px; }
            .meta { color: #555; font-size: 12px; margin: 0 0 12px; }
            .charts { display: flex; flex-wrap: wrap; gap: 12px; }
            figure.chart { margin: 0; width: 580px; }
            figure.chart figcaption { font-size: 13px; font-weight: bold; margin-bottom: 4px; }
            .box { position: relative; width: 580px; height: 300px; }
            table { border-collapse: collapse; font-size: 12px; margin: 6px 0 16px; }
            th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; }
            h2 { font-size: 15px; margin: 16px 0 4px; }
            table.heat { border-collapse: collapse; margin: 4px 0 12px; }
            table.heat td { border: 0; padding: 0; width: 6px; height: 6px; }
            table.heat th { border: 0; padding: 0 6px 0 0; font-size: 9px; font-weight: normal; text-align: right; white-space: nowrap; }
            </style>
            </head>
            <body>
            <h1>\(escape(input.title))</h1>
            <p class="meta">\(escape(metaLine(input)))</p>

            """
        if let answer { html += table(answer) }
        html += "<div class=\"charts\">\n"
        for c in charts {
            html += """
                <figure class="chart" data-kind="\(c.kind.rawValue)"><figcaption>\(escape(c.title))</figcaption>\
                <div class="box"><canvas id="\(escape(c.id))"></canvas></div></figure>

                """
        }
        if charts.isEmpty { html += "<p>No chart data recorded for these runs.</p>\n" }
        html += "</div>\n"
        for map in ReportHeatMap.heatMaps(for: input) { html += heatMap(map) }
        for t in tables { html += table(t) }
        let data = try scriptJSON(.array(charts.map { ["id": .string($0.id), "config": $0.config] }))
        html += """
            <script>
            /* \(ChartLibrary.version) — https://www.chartjs.org — MIT licence (see Sources/Reports/Resources/CHARTJS-LICENSE.md) */
            \(chartLibrary.replacingOccurrences(of: "</script", with: "<\\/script"))
            </script>
            <script id="colosim-chart-data" type="application/json">\(data)</script>
            <script>
            (function () {
              var specs = JSON.parse(document.getElementById('colosim-chart-data').textContent);
              Chart.defaults.animation = false;
              specs.forEach(function (s) { new Chart(document.getElementById(s.id), s.config); });
              document.body.setAttribute('data-charts-rendered', String(specs.length));
            })();
            </script>
            </body>
            </html>

            """
        return html
    }

    /// A heat map as a table of coloured cells (white idle … dark blue busy), a row per GPU and an
    /// hour ruler on top; each cell's tooltip names GPU, hour and utilization.
    static func heatMap(_ map: ReportHeatMap) -> String {
        var html = "<h2 class=\"heat\">Heat map — \(escape(map.title))</h2>\n<table class=\"heat\" data-rows=\"\(map.rows.count)\" data-columns=\"\(map.columnHours.count)\">\n<tr><th></th>"
        var last = -1
        for h in map.columnHours {
            let hour = Int(h.rounded(.down))
            html += hour != last && hour % 3 == 0 ? "<th style=\"font-size:8px;text-align:left\">\(hour)h</th>" : "<th></th>"
            last = hour
        }
        html += "</tr>\n"
        for (label, row) in zip(map.rows, map.values) {
            html += "<tr><th>\(escape(label))</th>"
            for (h, v) in zip(map.columnHours, row) {
                html += "<td style=\"background:\(ReportHeatMap.color(v))\" title=\"\(escape(label)), \(ReportCharts.formatNumber(h)) h: \(ReportCharts.formatNumber(v * 100)) %\"></td>"
            }
            html += "</tr>\n"
        }
        return html + "</table>\n"
    }

    /// "N runs · scenario … · sweep …" line under the title.
    static func metaLine(_ input: ReportInput) -> String {
        var parts = ["\(input.runs.count) run\(input.runs.count == 1 ? "" : "s")"]
        let scenarios = Set(input.runs.map(\.scenarioName)).sorted()
        if !scenarios.isEmpty { parts.append("scenario " + scenarios.joined(separator: ", ")) }
        if let s = input.sweep { parts.append("sweep \(s.id) (\(s.pointCount) points)") }
        let versions = Set(input.runs.map(\.colosimVersion)).sorted()
        if !versions.isEmpty { parts.append("colosim " + versions.joined(separator: ", ")) }
        parts.append("charts: \(ChartLibrary.version)")
        return parts.joined(separator: " · ")
    }

    static func table(_ t: ReportTable) -> String {
        var s = "<h2>\(escape(t.title))</h2>\n<table>\n<tr>"
        s += t.header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
        for row in t.rows { s += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }
        return s + "</table>\n"
    }

    /// JSON safe to embed in a `<script>` element (`<` written as `\u003c`).
    static func scriptJSON(_ value: JSONValue) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try e.encode(value), as: UTF8.self)
        return text.replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
