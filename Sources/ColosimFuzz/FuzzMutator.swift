/// A deterministic mutation engine: byte flips, insertions, deletions, block copies, splices with
/// another corpus input, and "interesting" tokens (huge, tiny, negative and non-finite numbers,
/// control characters, CRLF, invalid UTF-8, YAML syntax) placed over numbers or anywhere.
public struct FuzzMutator: Sendable {
    var state: UInt64

    /// A mutator whose choices follow `seed` (same seed ⇒ same inputs).
    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// Tokens that have broken parsers before or are likely to.
    public static let tokens: [[UInt8]] = [
        "1e308", "1e10", "1e12", "1e19", "1e300", "1e-300", "1e-9", "-1", "0", "-0", "2147483647", "4294967296",
        "9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616",
        "-9223372036854775808", ".nan", ".inf", "-.inf", "NaN", "Infinity", "0x7fffffff", "1_000", "~", "null",
        "\r\n", "\r", "\t", "\u{0}", "\u{1}", "\u{7f}", "\u{feff}", "- ", ": ", "{", "}", "[", "]", "&a", "*a", "!!str ",
        "'", "\"", "#", ",", "\n  ", "\n- ", "--", "-5", "--seed", "--db", "--set", "=", "duration_s=1e10",
    ].map { Array($0.utf8) } + [[0xff], [0xfe, 0xfe], [0xc3], [0xed, 0xa0, 0x80]]

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

    /// A mutation of `input`, with `other` (another corpus input) for splices; at most `maxLength` bytes.
    public mutating func mutate(_ input: [UInt8], other: [UInt8], maxLength: Int = 16_384) -> [UInt8] {
        var b = input
        for _ in 0...below(4) {
            switch below(9) {
            case 0 where !b.isEmpty: b[below(b.count)] ^= UInt8(1 << below(8))
            case 1 where !b.isEmpty: b[below(b.count)] = UInt8(truncatingIfNeeded: next())
            case 2: b.insert(UInt8(truncatingIfNeeded: next()), at: below(b.count + 1))
            case 3 where !b.isEmpty:
                let at = below(b.count)
                b.removeSubrange(at..<min(b.count, at + 1 + below(16)))
            case 4: replaceNumber(&b, with: Self.tokens[below(Self.tokens.count)])
            case 5: b.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: below(b.count + 1))
            case 6 where !other.isEmpty:
                let from = below(other.count)
                let chunk = other[from..<min(other.count, from + 1 + below(64))]
                b.insert(contentsOf: chunk, at: below(b.count + 1))
            case 7 where !b.isEmpty:
                let from = below(b.count)
                let chunk = Array(b[from..<min(b.count, from + 1 + below(32))])
                b.insert(contentsOf: chunk, at: below(b.count + 1))
            default: replaceNumber(&b, with: Self.numberish(&self))
            }
        }
        if b.count > maxLength { b.removeSubrange(maxLength...) }
        return b
    }

    /// A random number in text: small, huge, tiny, negative or with an exponent.
    static func numberish(_ m: inout FuzzMutator) -> [UInt8] {
        let sign = m.below(4) == 0 ? "-" : ""
        let s: String = switch m.below(4) {
        case 0: "\(m.below(100))"
        case 1: "\(m.next())"
        case 2: "\(m.below(10)).\(m.below(1000))e\(m.below(2) == 0 ? "" : "-")\(m.below(330))"
        default: "\(Int64(bitPattern: m.next()))"
        }
        return Array((sign + s).utf8)
    }

    /// Replaces one run of digits (a number) in `b` with `token`; appends it when there is none.
    mutating func replaceNumber(_ b: inout [UInt8], with token: [UInt8]) {
        let digits = b.indices.filter { b[$0] >= 0x30 && b[$0] <= 0x39 }
        guard !digits.isEmpty else { b.append(contentsOf: token); return }
        var start = digits[below(digits.count)]
        func numeric(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x65 || c == 0x2D || c == 0x2B }
        while start > 0, numeric(b[start - 1]) { start -= 1 }
        var end = start
        while end < b.count, numeric(b[end]) { end += 1 }
        b.replaceSubrange(start..<end, with: token)
    }
}
