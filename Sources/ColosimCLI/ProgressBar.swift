/// Renders a one-line progress bar: `label [#######.........]  42/100  42%  eta 1m05s`.
///
/// Pure: the caller supplies the elapsed time; nothing here reads a clock or writes output.
public struct ProgressBar: Sendable, Equatable {
    /// Total amount of work (≥ 1).
    public var total: Int
    /// Text before the bar.
    public var label: String
    /// Width of the bar between the brackets, in characters.
    public var width: Int

    /// Creates a bar for `total` units of work.
    public init(total: Int, label: String = "", width: Int = 30) {
        self.total = max(total, 1)
        self.label = label
        self.width = max(width, 1)
    }

    /// The number of filled cells for `done` units (floor, clamped to the bar).
    public func filled(_ done: Int) -> Int {
        min(width, max(0, done) * width / total)
    }

    /// The line for `done` units after `elapsed` seconds (the ETA extrapolates the mean rate).
    public func line(done: Int, elapsed: Double?) -> String {
        let d = min(max(done, 0), total)
        let f = filled(d)
        var s = label.isEmpty ? "" : label + " "
        s += "[" + String(repeating: "#", count: f) + String(repeating: ".", count: width - f) + "]"
        s += "  \(d)/\(total)  \(d * 100 / total)%"
        if let elapsed, d > 0, d < total, elapsed > 0 {
            s += "  eta " + ProgressBar.duration(elapsed / Double(d) * Double(total - d))
        }
        return s
    }

    /// `65.2` → `1m05s`, `3725` → `1h02m`, `9.4` → `9s`.
    public static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s >= 3600 { return "\(s / 3600)h" + pad(s % 3600 / 60) + "m" }
        if s >= 60 { return "\(s / 60)m" + pad(s % 60) + "s" }
        return "\(s)s"
    }

    private static func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
