import Experiments

/// A minimal JSON object writer that keeps keys in insertion order (for stable, diffable output).
struct BenchJSON {
    private var fields: [(String, String)] = []

    /// Adds an integer.
    mutating func add(_ key: String, _ value: some BinaryInteger) { fields.append((key, "\(value)")) }
    /// Adds a number; NaN and infinities become null (JSON has no spelling for them).
    mutating func add(_ key: String, _ value: Double) {
        fields.append((key, value.isFinite ? "\(value)" : "null"))
    }
    /// Adds an optional number (nil becomes null).
    mutating func add(_ key: String, _ value: Double?) {
        if let value { add(key, value) } else { fields.append((key, "null")) }
    }
    /// Adds a string.
    mutating func add(_ key: String, _ value: String) { fields.append((key, Self.quote(value))) }
    /// Adds a nested object (nil becomes null).
    mutating func add(_ key: String, _ value: BenchJSON?) {
        fields.append((key, value?.rendered(indent: 1) ?? "null"))
    }

    /// Adds the fields every bench model ends with: wall time, event rate (null for a zero wall
    /// time), run digest and version.
    mutating func addRunFooter(events: UInt64, wall: Double, digest: String) {
        add("wall_seconds", wall)
        add("events_per_second", wall > 0 ? Double(events) / wall : Double?.none)
        add("digest", digest)
        add("version", ColosimVersion.string)
    }

    /// The object as pretty-printed JSON text.
    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let body = fields.map { "\(pad)\(Self.quote($0.0)): \($0.1)" }.joined(separator: ",\n")
        return "{\n\(body)\n\(String(repeating: "  ", count: indent))}"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case let c where c.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
