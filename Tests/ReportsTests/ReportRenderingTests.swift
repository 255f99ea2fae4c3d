import Foundation
import Testing
import ResultStore
@testable import Reports

/// Renders reports in headless Chromium and checks the screenshot's pixels.
///
/// Skipped only when Chromium is absent and `CI` is unset; in CI it always runs
/// (`.ci/run` installs Debian's `chromium`).
@Suite(.enabled(if: ChromiumRendering.shouldRun,
                "chromium not installed and CI unset: skipping the headless rendering test (apt-get install chromium)"),
       .serialized)
struct ReportRenderingTests {
    /// Each chart family's colours, with the fewest exact-colour pixels it must paint.
    static let expected: [(color: String, minimum: Int, what: String)] = [
        (ReportPalette.utilization[0], 300, "utilization line, run 1"),
        (ReportPalette.utilization[2], 300, "utilization line, run 3"),
        (ReportPalette.latency[0], 300, "latency CDF, run 1"),
        (ReportPalette.sla, 300, "SLA target line"),
        (ReportPalette.policies["dedicated"] ?? "", 2000, "policy bars: dedicated"),
        (ReportPalette.policies["tidal"] ?? "", 2000, "policy bars: tidal"),
        (ReportPalette.configured, 2000, "configured-share bars"),
        (ReportPalette.achieved, 2000, "achieved-share bars"),
    ]

    func render(_ html: String) throws -> [String: Int] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("colosim-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let page = dir.appendingPathComponent("report.html")
        let png = dir.appendingPathComponent("report.png")
        try Data(html.utf8).write(to: page)
        try ChromiumRendering.screenshot(html: page, png: png)
        let counts = try ChromiumRendering.countColors(png: png, colors: Self.expected.map(\.color))
        if ProcessInfo.processInfo.environment["COLOSIM_KEEP_RENDER"] == nil {
            try? FileManager.default.removeItem(at: dir)
        } else {
            print("rendered: \(png.path) \(counts)")
        }
        return counts
    }

    @Test func chartsRenderInHeadlessChromium() throws {
        let html = try HTMLReport.render(ReportFixtures.input, chartLibrary: try ChartLibrary.load())
        let counts = try render(html)
        #expect(counts["width"] == 1240)
        for e in Self.expected {
            #expect((counts[e.color] ?? 0) >= e.minimum, "\(e.what) (\(e.color)): \(counts[e.color] ?? 0) pixels")
        }
    }

    /// The same page without the charting library draws none of the chart colours: the pixel
    /// check above can fail.
    @Test func pageWithoutChartLibraryHasNoChartPixels() throws {
        let html = try HTMLReport.render(ReportFixtures.input, chartLibrary: "/* no library */")
        let counts = try render(html)
        for e in Self.expected {
            #expect(counts[e.color] == 0, "\(e.what) (\(e.color)) painted without a chart library")
        }
        #expect((counts["nonwhite"] ?? 0) > 0) // the text and tables still render
    }
}
