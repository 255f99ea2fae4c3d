/// One metric value: a number or a yes/no flag (e.g. `sla_met`).
///
/// Encodes to JSON as a plain number or boolean. Non-finite numbers are kept (the store's JSON
/// coders write them as the strings `"nan"`, `"inf"`, `"-inf"`; SQLite stores NaN as NULL and the
/// store reads NULL back as NaN).
public enum MetricValue: Codable, Sendable, Hashable {
    /// A numeric metric.
    case number(Double)
    /// A boolean metric.
    case bool(Bool)

    /// The value as a double (`true` = 1, `false` = 0).
    public var doubleValue: Double {
        switch self {
        case .number(let v): return v
        case .bool(let b): return b ? 1 : 0
        }
    }

    /// Decodes a JSON boolean or number.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else {
            self = .number(try c.decode(Double.self))
        }
    }

    /// Encodes as a JSON boolean or number.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let v): try c.encode(v)
        case .bool(let b): try c.encode(b)
        }
    }

    /// Equality that treats two NaNs as equal (a stored NaN reads back as NaN).
    public static func == (lhs: MetricValue, rhs: MetricValue) -> Bool {
        switch (lhs, rhs) {
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b || (a.isNaN && b.isNaN)
        default: return false
        }
    }

    /// Hashes consistently with ``==`` (all NaNs hash alike).
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .bool(let b): hasher.combine(0); hasher.combine(b)
        case .number(let v): hasher.combine(1); hasher.combine(v.isNaN ? Double.nan.bitPattern : v.bitPattern)
        }
    }
}

extension MetricValue: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    /// A numeric metric from a float literal.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A numeric metric from an integer literal.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    /// A boolean metric from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
