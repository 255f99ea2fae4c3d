import Foundation

/// Kubernetes resource quantities (`resource.Quantity`: `2`, `500m`, `16Gi`, `1e3`) read without
/// trapping: every value is checked finite and within bounds before it becomes an integer.
public enum K8sQuantity {
    private static let suffixes: [(String, Double)] = [
        ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
        ("Pi", 1_125_899_906_842_624), ("Ei", 1_152_921_504_606_846_976),
        ("n", 1e-9), ("u", 1e-6), ("m", 1e-3), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18),
    ]

    /// The value of a quantity string, nil when it is not one.
    public static func value(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= 64 else { return nil }
        var number = t
        var scale = 1.0
        for (s, f) in suffixes where t.hasSuffix(s) {
            let head = String(t.dropLast(s.count))
            // `1e3` is an exponent, `1E` an exa suffix on a bare number: only take the suffix when the rest is a number.
            if let _ = Double(head), head.last.map({ $0.isNumber || $0 == "." }) ?? false {
                number = head
                scale = f
                break
            }
        }
        guard number.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }), let v = Double(number) else { return nil }
        let x = v * scale
        return x.isFinite ? x : nil
    }

    /// A whole number in `range` from a JSON value (a quantity string or a number), or a message
    /// saying what is wrong.
    public static func wholeNumber(_ json: Any?, in range: ClosedRange<Int>) -> Result<Int, K8sQuantityProblem> {
        let v: Double?
        switch json {
        case let s as String: v = value(s)
        case let n as NSNumber: v = n.doubleValue.isFinite ? n.doubleValue : nil
        default: v = nil
        }
        guard let v else { return .failure(K8sQuantityProblem("expected a quantity (e.g. \"2\" or 2), got \(K8sJSON.describe(json))")) }
        let shown = v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
        guard v == v.rounded() else { return .failure(K8sQuantityProblem("expected a whole number, got \(shown)")) }
        guard v >= Double(range.lowerBound), v <= Double(range.upperBound) else {
            return .failure(K8sQuantityProblem("must be in \(range.lowerBound)…\(range.upperBound), got \(shown)"))
        }
        return .success(Int(v))
    }
}
