import Foundation

/// Turns a report's JSON into flat metrics: every finite number (and boolean, as 0/1) becomes a
/// metric named by its dotted path. Array elements are named by their `name` (or `policy`, `id`)
/// member when they have one, by index otherwise; arrays of plain numbers (time series) are left
/// out, being series rather than summary figures. Strings are not metrics.
public enum MetricFlattener {
    /// The metrics of `json` in document order of the keys (sorted within each object), leaving out
    /// the top-level keys in `excluding`.
    public static func metrics(json: Data, excluding: Set<String> = []) throws -> [Metric] {
        let root = try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])
        var out: [Metric] = []
        if let o = root as? [String: Any] {
            for k in o.keys.sorted() where !excluding.contains(k) {
                walk(o[k] as Any, k, &out)
            }
        } else {
            walk(root, "", &out)
        }
        return out
    }

    static func walk(_ v: Any, _ path: String, _ out: inout [Metric]) {
        func join(_ k: String) -> String { path.isEmpty ? k : path + "." + k }
        switch v {
        case let n as NSNumber:
            // Booleans arrive as NSNumber 0/1 too.
            if n.doubleValue.isFinite { out.append(Metric(path, n.doubleValue)) }
        case let o as [String: Any]:
            for k in o.keys.sorted() { walk(o[k] as Any, join(k), &out) }
        case let a as [Any]:
            if a.allSatisfy({ $0 is NSNumber }) && !a.isEmpty { return }
            var used: [String: Int] = [:]
            for (i, e) in a.enumerated() {
                var key = "\(i)"
                if let o = e as? [String: Any] {
                    if let n = (o["name"] ?? o["policy"]) as? String { key = n }
                    else if let n = o["id"] as? NSNumber { key = n.stringValue }
                }
                used[key, default: 0] += 1
                if let c = used[key], c > 1 { key += "#\(c)" }
                walk(e, join(key), &out)
            }
        default:
            break
        }
    }
}
