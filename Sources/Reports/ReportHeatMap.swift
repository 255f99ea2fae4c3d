import Foundation
import ResultStore

/// A per-GPU utilization heat map of one cluster run: a row per GPU the run used, a column per
/// stretch of simulated time, so where a packing runs hot (or idles) can be seen. Built from the
/// run's `gpu_heat.<gpu>` series (pure; no I/O).
public struct ReportHeatMap: Sendable, Equatable {
    /// Caption: the run and what the cells mean.
    public var title: String
    /// One label per row (`GPU 7`).
    public var rows: [String]
    /// Start of each column, hours of simulated time.
    public var columnHours: [Double]
    /// Width of a column, hours.
    public var columnWidthHours: Double
    /// `values[row][column]`: mean utilization (duty-cycle fraction, 0–1) in that column.
    public var values: [[Double]]

    /// Creates a heat map.
    public init(title: String, rows: [String], columnHours: [Double], columnWidthHours: Double, values: [[Double]]) {
        self.title = title
        self.rows = rows
        self.columnHours = columnHours
        self.columnWidthHours = columnWidthHours
        self.values = values
    }

    /// At most this many heat maps per report (one per run, in run order).
    public static let maxMaps = 12

    /// The heat maps of `input`'s runs that recorded per-GPU rows, in run order.
    /// - Complexity: O(runs × GPUs × columns).
    public static func heatMaps(for input: ReportInput) -> [ReportHeatMap] {
        input.runs.prefix(maxMaps).compactMap { heatMap(of: $0) }
    }

    /// The heat map of `run`, or nil when it recorded no per-GPU rows.
    public static func heatMap(of run: RunRecord) -> ReportHeatMap? {
        let names = run.series.keys.filter { $0.hasPrefix(MetricName.heatSeriesPrefix) }
            .sorted { gpu($0) < gpu($1) }
        guard let first = names.first, let points = run.series[first], points.count > 0 else { return nil }
        let width = points.count > 1 ? (points[1].t - points[0].t) : 2 * points[0].t
        let hours = points.map { max(0, $0.t - width / 2) / 3600 }
        let values = names.map { name in
            let row = run.series[name] ?? []
            return hours.indices.map { i in i < row.count ? min(1, max(0, row[i].value)) : 0 }
        }
        return ReportHeatMap(title: "\(ReportInput.label(run)): utilization per GPU (rows) over simulated hours (columns)",
                             rows: names.map { "GPU \(gpu($0))" }, columnHours: hours,
                             columnWidthHours: width / 3600, values: values)
    }

    static func gpu(_ name: String) -> Int { Int(name.dropFirst(MetricName.heatSeriesPrefix.count)) ?? Int.max }

    /// The cell colour of utilization `v`: white (idle) to dark blue (busy), `#rrggbb`.
    public static func color(_ v: Double) -> String {
        let x = min(1, max(0, v.isFinite ? v : 0))
        let from = (255.0, 255.0, 255.0), to = (8.0, 48.0, 107.0)
        func mix(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * x).rounded()) }
        return String(format: "#%02x%02x%02x", mix(from.0, to.0), mix(from.1, to.1), mix(from.2, to.2))
    }

    /// The text shade of utilization `v` (Markdown): ` ░▒▓█` for 0, < 0.25, < 0.5, < 0.75, ≥ 0.75.
    public static func shade(_ v: Double) -> Character {
        guard v.isFinite, v > 0.005 else { return "·" }
        return v < 0.25 ? "░" : v < 0.5 ? "▒" : v < 0.75 ? "▓" : "█"
    }

    /// A text ruler over the columns (one character per column): an hour label every `every` hours,
    /// left out where it would overlap the previous one.
    public func ruler(every: Double) -> String {
        var chars = [Character](repeating: " ", count: columnHours.count)
        var free = 0
        var mark = 0.0
        while every > 0, let c = columnHours.firstIndex(where: { $0 + 1e-9 >= mark }) {
            let label = Array("\(Int(mark.rounded()))h")
            if c >= free, c + label.count <= chars.count {
                for (i, ch) in label.enumerated() { chars[c + i] = ch }
                free = c + label.count + 1
            }
            mark += every
        }
        return String(chars)
    }
}
