import Foundation
import Testing
import ResultStore
@testable import Reports

@Suite struct ReportContentTests {
    @Test func chartsCoverEveryFamily() {
        let charts = ReportCharts.charts(for: ReportFixtures.input)
        #expect(charts.map(\.kind) == [.utilization, .latency, .policies, .gpusUsed, .shares])
    }

    @Test func policyBarsAreTheMeansOfEachPolicysRuns() {
        var input = ReportFixtures.input
        // A second shared run: the shared bar must show the mean of 0.35 and 0.45 = 0.4.
        input.runs.append(ReportFixtures.run(id: 4, policy: "shared", utilization: 0.45, attainment: 0.99, gpus: 6, achieved: 0.5))
        #expect(ReportCharts.mean(input, policy: "shared", metric: MetricName.gpuUtilization) == 0.4)
        #expect(ReportCharts.mean(input, policy: "shared", metric: MetricName.gpusUsed) == 5.5)
        #expect(ReportCharts.mean(input, policy: "tidal", metric: "missing").isNaN)
        guard case .object(let config)? = ReportCharts.policyComparison(input)?.config,
              case .object(let data)? = config["data"], case .array(let sets)? = data["datasets"] else {
            Issue.record("no policy chart"); return
        }
        #expect(sets.count == 3) // dedicated, shared, tidal
        guard case .object(let shared) = sets[1] else { Issue.record("bad dataset"); return }
        #expect(shared["label"] == "shared")
        #expect(shared["backgroundColor"] == .string(ReportPalette.policies["shared"] ?? ""))
        guard case .array(let values)? = shared["data"], case .number(let u) = values[0] else { Issue.record("bad data"); return }
        #expect(abs(u - 0.4) < 1e-12)
    }

    @Test func slaLineSitsAtTheTarget() {
        let spec = ReportCharts.latency(ReportFixtures.input, workload: "online", index: 0)
        #expect(spec.title == "Latency CDF — online (SLA p99 ≤ 50 ms)")
        guard case .object(let config) = spec.config, case .object(let data)? = config["data"],
              case .array(let sets)? = data["datasets"], case .object(let sla)? = sets.last else {
            Issue.record("no datasets"); return
        }
        #expect(sla["borderColor"] == .string(ReportPalette.sla))
        #expect(sla["data"] == [["x": 50, "y": 0], ["x": 50, "y": 1]])
    }

    @Test func latencyTableReadsTheFractionWithinTheSLAOffTheCDF() throws {
        // Exponential with mean 10 ms: F(50) = 1 − e^−5 = 0.99326 ≥ 0.99 → met;
        // mean 20 ms: F(50) = 1 − e^−2.5 = 0.918 → not met. The CDF has 100 points (steps of 0.01).
        let input = ReportFixtures.input
        let c1 = try #require(input.runs[0].latencyCDFs.first)
        let c2 = try #require(input.runs[1].latencyCDFs.first)
        #expect(abs(ReportTables.fractionWithin(c1, target: 50) - (1 - exp(-5.0))) < 0.01)
        #expect(abs(ReportTables.fractionWithin(c2, target: 50) - (1 - exp(-2.5))) < 0.01)
        let md = MarkdownReport.render(input)
        #expect(md.contains("| #1 dedicated | online | p99 | 50 | 0.99 | yes |"))
        #expect(md.contains("| #2 shared | online | p99 | 50 | 0.91 | no |")) // 0.918 read off a 0.01-step CDF
        #expect(md.contains("| #3 tidal | render | render | 0.5 | 0.55 | 0.05 |"))
        #expect(md.contains("- Latency CDF — online (SLA p99 ≤ 50 ms)"))
    }

    @Test func htmlIsSelfContainedAndEscapesData() throws {
        var input = ReportFixtures.input
        input.title = "a </script><b>title</b>"
        input.runs[0].shares[0].container = "</script><script>alert(1)</script>"
        let html = try HTMLReport.render(input, chartLibrary: "/* Chart.js v3 stub */ var Chart = function () {};")
        #expect(html.contains("/* Chart.js v3 stub */"))
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("a &lt;/script&gt;&lt;b&gt;title&lt;/b&gt;"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("href=\"http"))
        // Same input, same bytes.
        #expect(try HTMLReport.render(input, chartLibrary: "x") == HTMLReport.render(input, chartLibrary: "x"))
    }

    @Test func vendoredChartLibraryIsFound() throws {
        let js = try ChartLibrary.load()
        #expect(js.hasPrefix("/*!\n * Chart.js v3.9.1"))
        #expect(js.utf8.count == 199_560)
    }

    @Test func numbersAreFormattedCompactly() {
        #expect(ReportCharts.formatNumber(50) == "50")
        #expect(ReportCharts.formatNumber(0.9932621) == "0.9933")
        #expect(ReportCharts.formatNumber(0.5) == "0.5")
        #expect(ReportCharts.formatNumber(.nan) == "nan")
        #expect(ReportCharts.formatPercentile(0.999) == "p99.9")
    }

    @Test func notApplicableMetricsShowADashInTables() {
        #expect(ReportTables.cell(.number(.nan)) == "–")
        #expect(ReportTables.cell(.number(0.25)) == "0.25")
        #expect(ReportTables.cell(nil) == "–")
    }

    @Test func writerRefusesAnUnwritablePathBeforeWritingAnything() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("colosim-rw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let existing = dir.appendingPathComponent("report.html")
        try Data("old report".utf8).write(to: existing)
        let blocker = dir.appendingPathComponent("file")
        try Data().write(to: blocker)
        let bad = blocker.appendingPathComponent("r.md").path  // parent is a regular file
        let error = #expect(throws: ReportError.self) {
            try ReportWriter.write([(existing.path, "new"), (bad, "md")])
        }
        #expect(error?.isInputError == true)
        #expect(error?.path == bad)
        #expect(try String(contentsOf: existing, encoding: .utf8) == "old report")
        try ReportWriter.write([(existing.path, "new")])
        #expect(try String(contentsOf: existing, encoding: .utf8) == "new")
    }
}

@Suite struct AxisTests {
    @Test func niceCeilingRoundsUpToOneTwoOrFive() {
        #expect(ReportCharts.niceCeiling(228.03) == 250)
        #expect(ReportCharts.niceCeiling(62.5) == 100)
        #expect(ReportCharts.niceCeiling(150) == 200)
        #expect(ReportCharts.niceCeiling(0.3) == 0.5)
        #expect(ReportCharts.niceCeiling(100) == 100)
    }
}
