import Foundation

/// The vendored charting library (Chart.js 3.9.1, MIT; see `Resources/CHARTJS-LICENSE.md`).
///
/// The minified UMD build is a package resource, read at report time and inlined into each HTML
/// report so reports work offline.
public enum ChartLibrary {
    /// Library name and version, as shown in reports.
    public static let version = "Chart.js 3.9.1"
    /// The resource file name.
    public static let fileName = "chart.min.js"
    /// Environment variable that may point at `chart.min.js` (for a relocated binary).
    public static let environmentVariable = "COLOSIM_CHARTJS"

    /// Places the library is looked for, in order.
    public static func candidatePaths(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var paths: [String] = []
        if let p = environment[environmentVariable], !p.isEmpty { paths.append(p) }
        let bundleName = "colosim_Reports.resources"
        paths.append(Bundle.main.bundleURL.appendingPathComponent(bundleName).appendingPathComponent(fileName).path)
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            paths.append(exe.appendingPathComponent(bundleName).appendingPathComponent(fileName).path)
        }
        let arg0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        paths.append(arg0.appendingPathComponent(bundleName).appendingPathComponent(fileName).path)
        return paths
    }

    /// Loads the library's JavaScript source.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let paths = candidatePaths(environment: environment)
        for path in paths {
            if let data = FileManager.default.contents(atPath: path), !data.isEmpty {
                let text = String(decoding: data, as: UTF8.self)
                if text.contains("Chart.js v3") { return text }
            }
        }
        throw ReportError(isInputError: false, path: nil,
                          "charting library \(fileName) not found (looked in: \(paths.joined(separator: ", "))); keep the colosim_Reports.resources folder beside the colosim binary or set \(environmentVariable)")
    }
}
