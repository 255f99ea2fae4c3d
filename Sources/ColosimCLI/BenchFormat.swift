#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Number formatting for the bench commands' text output.
enum BenchFormat {
    /// `value` with `digits` decimals (C `%.*f`).
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([Int32(digits), value]) { vsnprintf(&buffer, buffer.count, "%.*f", $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Seconds with a readable unit.
    static func seconds(_ s: Double) -> String {
        s >= 1 ? fixed(s, 3) + " s" : fixed(s * 1e3, 1) + " ms"
    }

    /// A rate `count / seconds` with an SI prefix (k, M).
    static func rate(_ count: Double, _ seconds: Double) -> String {
        guard seconds > 0 else { return "n/a" }
        let r = count / seconds
        if r >= 1e6 { return fixed(r / 1e6, 2) + " M" }
        if r >= 1e3 { return fixed(r / 1e3, 1) + " k" }
        return fixed(r, 0)
    }

    /// Relative error `x / reference − 1` as a signed percentage.
    static func relativeError(_ x: Double, _ reference: Double) -> String {
        guard reference != 0 else { return "n/a" }
        let e = 100 * (x / reference - 1)
        return (e >= 0 ? "+" : "") + fixed(e, 2) + "%"
    }
}
