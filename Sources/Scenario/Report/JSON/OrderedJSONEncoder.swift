/// Encodes an `Encodable` value as compact JSON with object keys in the order they are encoded and
/// deterministic number formatting: the writer behind the `colosim run --json` contract (keys in a
/// fixed order, byte-identical output for the same scenario and seed), which `JSONEncoder` (keys in
/// hash order unless sorted) cannot give.
///
/// Numbers: a whole `Double` below 10¹⁵ in magnitude prints as `N.0`, any other finite one as Swift
/// prints it (`0.25`, `1e-05`, `1.5e+20`); NaN and ±∞ print as `null`, as does `nil`. Integers print
/// as integers. Strings escape `"`, `\`, newline, tab, carriage return and other control characters.
/// Encoding a key twice in one object replaces its value in place.
public enum OrderedJSONEncoder {
    /// `value` as compact JSON text.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let root = OrderedJSONNode()
        try value.encode(to: OrderedJSONEncoding(node: root, codingPath: []))
        var out = ""
        root.write(to: &out)
        return out
    }

    /// `d` as a JSON number (`null` when not finite).
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        return d == d.rounded() && abs(d) < 1e15 ? "\(Int64(d)).0" : "\(d)"
    }

    /// `s` as a JSON string literal.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
