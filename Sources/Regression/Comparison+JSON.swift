import Foundation

extension Comparison {
    /// The comparison as JSON: `{"passed": Bool, "counts": {verdict: n}, "rows": [{case, metric, golden,
    /// now, delta, verdict}]}`; digest rows carry hex strings in `golden`/`now`.
    public func json() -> String {
        func num(_ v: Double?) -> Any {
            guard let v else { return NSNull() }
            return v.isFinite ? v : String(describing: v)
        }
        let rowObjects: [[String: Any]] = rows.map { r in
            var o: [String: Any] = ["case": r.caseName, "metric": r.metric, "verdict": r.verdict.rawValue]
            if r.isDigest {
                o["golden"] = r.goldenDigest ?? NSNull()
                o["now"] = r.nowDigest ?? NSNull()
                o["delta"] = NSNull()
            } else {
                o["golden"] = num(r.golden)
                o["now"] = num(r.now)
                o["delta"] = num(r.delta)
            }
            return o
        }
        var counts: [String: Int] = [:]
        for c in self.counts { counts[c.verdict.rawValue] = c.count }
        let obj: [String: Any] = ["passed": !failed, "counts": counts, "rows": rowObjects]
        guard let data = try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
