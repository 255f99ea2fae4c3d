import Foundation

extension Comparison {
    /// Counts of rows per verdict, in ``Verdict`` order.
    public var counts: [(verdict: Verdict, count: Int)] {
        let all: [Verdict] = [.ok, .withinTolerance, .regressed, .digestChanged, .changed, .new, .missing]
        return all.compactMap { v in
            let n = rows.filter { $0.verdict == v }.count
            return n > 0 ? (v, n) : nil
        }
    }

    /// The verdict table: one line per row (`metric  golden  now  delta  verdict`), grouped by case;
    /// `failuresOnly` keeps the digest row of every case and the failing metric rows.
    public func table(failuresOnly: Bool = false) -> String {
        var lines: [[String]] = [["metric", "golden", "now", "delta", "verdict"]]
        var current = ""
        for r in rows where !failuresOnly || r.isDigest || r.verdict.fails {
            if r.caseName != current {
                current = r.caseName
                lines.append([r.caseName, "", "", "", ""])
            }
            if r.isDigest {
                lines.append(["  digest", r.goldenDigest ?? "—", r.nowDigest ?? "—",
                              r.goldenDigest == r.nowDigest ? "" : "≠", r.verdict.rawValue])
            } else {
                var delta = ""
                if let d = r.delta, d != 0 {
                    delta = Self.number(d, signed: true)
                    if let rel = r.relativeDelta { delta += String(format: " (%+.2f%%)", rel * 100) }
                }
                lines.append(["  " + r.metric, r.golden.map { Self.number($0) } ?? "—", r.now.map { Self.number($0) } ?? "—",
                              delta, r.verdict.rawValue])
            }
        }
        let widths = (0..<5).map { col in lines.map { $0[col].count }.max() ?? 0 }
        var out = ""
        for l in lines {
            var cells: [String] = []
            for (i, cell) in l.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                cells.append(i == 0 || i == 4 ? cell + pad : pad + cell)
            }
            out += cells.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        let summary = counts.map { "\($0.count) \($0.verdict.rawValue)" }.joined(separator: ", ")
        out += (failed ? "FAIL" : "PASS") + ": \(Set(rows.map(\.caseName)).count) cases, \(rows.count) rows (\(summary))\n"
        return out
    }

    /// A compact, exact-enough rendering: integers as integers, others with 9 significant digits.
    static func number(_ v: Double, signed: Bool = false) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if v == v.rounded() && abs(v) < 1e15 { return (signed && v > 0 ? "+" : "") + String(Int64(v)) }
        return String(format: signed ? "%+.9g" : "%.9g", v)
    }
}
