import Foundation
import ResultStore
import Reports
import Testing

@Suite struct ReportHeatMapTests {
    /// A run with three GPU rows of 24 one-hour columns: GPU 10 busy all day, GPU 2 idle, GPU 7 ramping.
    static func run() -> RunRecord {
        var r = ReportFixtures.run(id: 4, policy: "shared", utilization: 0.3, attainment: 1, gpus: 3, achieved: 0.5)
        for (g, f) in [(10, { (_: Int) in 1.0 }), (2, { (_: Int) in 0.0 }), (7, { (h: Int) in Double(h) / 23 })] {
            r.setSeries(MetricName.heatSeriesPrefix + String(format: "%04d", g),
                        (0..<24).map { h in (t: (Double(h) + 0.5) * 3600, value: f(h)) })
        }
        return r
    }

    @Test func rowsAreGPUsInNumericOrderAndColumnsAreHours() throws {
        let map = try #require(ReportHeatMap.heatMap(of: Self.run()))
        #expect(map.rows == ["GPU 2", "GPU 7", "GPU 10"])
        #expect(map.columnHours == (0..<24).map(Double.init))
        #expect(map.columnWidthHours == 1)
        #expect(map.values[0].allSatisfy { $0 == 0 })
        #expect(map.values[2].allSatisfy { $0 == 1 })
        #expect(abs(map.values[1][23] - 1) < 1e-12 && map.values[1][0] == 0)
        #expect(ReportHeatMap.heatMap(of: ReportFixtures.run(id: 1, policy: "x", utilization: 0.2, attainment: 1, gpus: 1, achieved: 0.5)) == nil)
    }

    @Test func coloursAndShadesFollowUtilization() {
        #expect(ReportHeatMap.color(0) == "#ffffff")
        #expect(ReportHeatMap.color(1) == "#08306b")
        #expect(ReportHeatMap.color(.nan) == "#ffffff")
        #expect(ReportHeatMap.color(2) == ReportHeatMap.color(1))
        #expect([0, 0.1, 0.3, 0.6, 0.9].map(ReportHeatMap.shade) == ["·", "░", "▒", "▓", "█"])
    }

    @Test func bothReportsDrawTheHeatMap() throws {
        let input = ReportInput(title: "heat", runs: [Self.run()])
        let md = MarkdownReport.render(input)
        #expect(md.contains("## Heat map — #4 shared"))
        let lines = md.split(separator: "\n").map(String.init)
        let busy = try #require(lines.first { $0.hasPrefix("GPU 10") })
        #expect(busy.hasSuffix(String(repeating: "█", count: 24)))
        let idle = try #require(lines.first { $0.hasPrefix("GPU 2 ") })
        #expect(idle.hasSuffix(String(repeating: "·", count: 24)))
        let ruler = try #require(lines.first { $0.contains("0h") })
        #expect(ruler.contains("6h") && ruler.contains("12h") && ruler.contains("18h"))
        let html = try HTMLReport.render(input, chartLibrary: "")
        #expect(html.contains("<table class=\"heat\" data-rows=\"3\" data-columns=\"24\">"))
        #expect(html.components(separatedBy: "background:#08306b").count - 1 == 24 + 1)
    }
}
