import Foundation
import Simulator

/// Text and JSON renderings of a calibration replay.
enum CalibrationReport {
    static func fmt(_ v: Double?, _ digits: Int = 1) -> String {
        guard let v else { return "-" }
        return String(format: "%.\(digits)f", v)
    }

    static func pct(_ e: Double?) -> String {
        guard let e else { return "" }
        return String(format: "%+.1f%%", e * 100)
    }

    static func lat(_ v: Double?) -> String {
        guard let v else { return "-" }
        return v >= 100_000 ? String(format: "%.2fs", v / 1e6) : String(format: "%.1f", v)
    }

    /// A readable table: one line per configuration.
    static func table(_ rows: [CalibrationRow], profile: String) -> String {
        var out = "calibration replay on profile \(profile) (LS latency in µs; s = seconds; * = unstable LS queue)\n"
        let head = ["config", "LS p50 meas", "pred", "err", "LS p99 meas", "pred", "err", "BE k/s meas", "pred", "err",
                    "unstable m/p", "ok"]
        var lines: [[String]] = [head]
        var pass = 0
        for r in rows {
            let m = r.measured, p = r.predicted
            let stable = m.unstable == false
            let u: String = {
                guard let mu = m.unstable, let pu = p.unstable else { return "-" }
                return "\(mu ? "yes" : "no")/\(pu ? "yes" : "no")"
            }()
            if r.meetsTargets { pass += 1 }
            lines.append([
                r.config.name,
                lat(m.p50Us) + (m.unstable == true ? "*" : ""), lat(p.p50Us) + (p.unstable == true ? "*" : ""),
                stable ? pct(CalibrationRow.error(p.p50Us, m.p50Us)) : "",
                lat(m.p99Us) + (m.unstable == true ? "*" : ""), lat(p.p99Us) + (p.unstable == true ? "*" : ""),
                stable ? pct(CalibrationRow.error(p.p99Us, m.p99Us)) : "",
                fmt(m.beKernelsPerSecond), fmt(p.beKernelsPerSecond),
                pct(CalibrationRow.error(p.beKernelsPerSecond, m.beKernelsPerSecond)),
                u, r.meetsTargets ? "yes" : "NO",
            ])
        }
        var widths = [Int](repeating: 0, count: head.count)
        for l in lines { for (i, c) in l.enumerated() { widths[i] = max(widths[i], c.count) } }
        for l in lines {
            out += l.enumerated().map { i, c in
                i == 0 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - c.count) + c
            }.joined(separator: "  ") + "\n"
        }
        out += "\(pass)/\(rows.count) configurations meet the targets (unstable where measured; stable p50 ±25%, p99 ±35%; BE ±10%)"
        return out
    }

    /// `{"rows": [{"config", "measured": {...}, "predicted": {...}}]}`; null where not applicable.
    static func json(_ rows: [CalibrationRow]) -> String {
        func num(_ v: Double?) -> Any { v.map { ($0 * 10).rounded() / 10 } ?? NSNull() }
        func figures(_ f: CalibrationFigures) -> [String: Any] {
            ["p50_us": num(f.p50Us), "p99_us": num(f.p99Us), "be_kernels_per_s": num(f.beKernelsPerSecond),
             "unstable": f.unstable.map { $0 as Any } ?? NSNull()]
        }
        let arr: [[String: Any]] = rows.map { r in
            ["config": r.config.name, "sharing": r.config.sharing.rawValue, "measured": figures(r.measured),
             "predicted": figures(r.predicted), "meets_targets": r.meetsTargets]
        }
        let obj: [String: Any] = ["rows": arr]
        guard let data = try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
