import Foundation
import Simulator

/// Text and JSON renderings of a user-mode (HAMi-core) calibration replay.
enum UserModeCalibrationReport {
    static func num(_ v: Double?) -> String {
        guard let v else { return "-" }
        return abs(v) >= 100 ? String(format: "%.0f", v) : String(format: "%.1f", v)
    }

    /// One line per check (every measured figure of every container), then the share of checks held.
    static func table(_ rows: [UserModeCalibrationRow], profile: String) -> String {
        var out = "user-mode calibration replay on profile \(profile) (throughput per s; latency µs; memory MiB)\n"
        if let n = rows.map(\.replications).max(), n > 1 {
            out += "predicted: the mean over \(n) arrival seeds × \(UserModeCalibrationReplay.nvmlPhases) NVML phases; se: its standard error over the seeds\n"
        }
        let head = ["config", "policy", "pid of", "container", "limit", "figure", "measured", "predicted", "se", "err", "tolerance", "ok"]
        var lines: [[String]] = [head]
        var held = 0, total = 0
        for r in rows {
            for ch in r.checks {
                total += 1
                if ch.holds { held += 1 }
                let limit = r.config.containers.first { $0.name == ch.container }.map { "\($0.limitPercent)" } ?? "-"
                let pid = r.hostPidWinner.map { (r.winnerInferred ? "~" : "") + $0 } ?? "-"
                lines.append([
                    r.config.name, r.config.policy.rawValue, pid, ch.container, limit, ch.figure, num(ch.measured),
                    num(ch.predicted), ch.standardError.map { "±" + num($0) } ?? "-", ch.relativeError.map { String(format: "%+.1f%%", $0 * 100) } ?? "",
                    "±" + num(ch.tolerance) + " (" + ch.rule + ")", ch.holds ? "yes" : "NO",
                ])
            }
        }
        var widths = [Int](repeating: 0, count: head.count)
        for l in lines { for (i, c) in l.enumerated() { widths[i] = max(widths[i], c.count) } }
        for l in lines {
            out += l.enumerated().map { i, c in
                i < 6 || i == 10 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - c.count) + c
            }.joined(separator: "  ") + "\n"
        }
        let pct = total > 0 ? 100 * Double(held) / Double(total) : 0
        out += "\(held)/\(total) checks hold (\(String(format: "%.1f", pct))%); "
        out += "\(rows.filter { $0.checksHeld == $0.checks.count }.count)/\(rows.count) configurations hold every check"
        let inferred = rows.filter(\.winnerInferred)
        if !inferred.isEmpty {
            // The same checks if the first-listed container always won the host-pid race.
            let firstWins = rows.reduce(0) { acc, r in
                guard r.winnerInferred, let first = r.config.containers.first?.name else { return acc + r.checksHeld }
                return acc + (r.heldByWinner[first] ?? r.checksHeld)
            }
            out += "\n\"pid of\": the container whose host pid every container started with it reads (HAMi-core set_task_pid race); "
            out += "~ = not recorded, the closest of the possible outcomes (\(inferred.count) configurations); "
            out += "with the first-listed container always winning: \(firstWins)/\(total) checks hold"
        }
        return out
    }

    /// `{"rows": [{"config", "policy", "containers": [{"name", "limit_percent", "measured", "predicted"}],
    /// "checks": [{…, "predicted", "predicted_se"}], "checks_held", "replications"}], "checks", "checks_held",
    /// "checks_held_percent"}`.
    static func json(_ rows: [UserModeCalibrationRow]) -> String {
        func round1(_ v: Double) -> Double { (v * 10).rounded() / 10 }
        func figures(_ m: UserModeCalibrationConfig.Measured, n: Int?) -> [String: Any] {
            var d: [String: Any] = [:]
            if let v = m.throughputPerSecond { d["throughput_per_s"] = round1(v) }
            if let v = m.p50Us { d["p50_us"] = round1(v) }
            if let v = m.p99Us { d["p99_us"] = round1(v) }
            if let v = m.allocatedMiB { d["allocated_mib"] = round1(v) }
            if let n { d["n"] = n }
            return d
        }
        var held = 0, total = 0
        let arr: [[String: Any]] = rows.map { r in
            held += r.checksHeld
            total += r.checks.count
            let containers: [[String: Any]] = r.config.containers.map { k in
                // Predicted keys are the measured ones; a missing prediction is null.
                var pd = r.predicted[k.name].map { figures($0, n: nil) } ?? [:]
                for key in figures(k.measured, n: nil).keys where pd[key] == nil { pd[key] = NSNull() }
                return ["name": k.name, "limit_percent": k.limitPercent, "measured": figures(k.measured, n: k.measured.n),
                        "predicted": pd]
            }
            let checks: [[String: Any]] = r.checks.map { c in
                ["container": c.container, "figure": c.figure, "measured": round1(c.measured),
                 "predicted": c.predicted.map { round1($0) as Any } ?? NSNull(),
                 "predicted_se": c.standardError.map { round1($0) as Any } ?? NSNull(), "tolerance": round1(c.tolerance),
                 "rule": c.rule, "holds": c.holds]
            }
            var row: [String: Any] = ["config": r.config.name, "policy": r.config.policy.rawValue, "containers": containers,
                                      "checks": checks, "checks_held": r.checksHeld, "digest": String(format: "%016llx", r.digest),
                                      "replications": r.replications]
            if let w = r.hostPidWinner {
                row["host_pid_of"] = w
                row["host_pid_inferred"] = r.winnerInferred
                row["checks_held_by_host_pid"] = r.heldByWinner
            }
            return row
        }
        let obj: [String: Any] = ["rows": arr, "checks": total, "checks_held": held,
                                  "checks_held_percent": total > 0 ? round1(100 * Double(held) / Double(total)) : 0]
        guard let data = try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
