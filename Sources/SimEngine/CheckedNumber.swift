/// The one place colosim turns numbers from outside into integers and durations.
///
/// Every conversion either succeeds exactly (rounded to the nearest integer) or throws a
/// ``NumericInputError`` that the caller locates (file, line, field); none traps. Use these instead
/// of `Int(x)`, `Int64(x)` or `SimDuration.seconds(x)` on anything a user wrote.
public enum CheckedNumber {
    /// Largest Double that converts to Int64 without overflow (2^63 − 1024).
    static let int64Ceiling: Double = 9_223_372_036_854_774_784

    /// `x` rounded to the nearest Int64; throws when `x` is NaN, infinite or out of Int64's range.
    public static func int64(_ x: Double, field: String? = nil) throws(NumericInputError) -> Int64 {
        let r = x.rounded()
        guard r.isFinite, r >= -int64Ceiling, r <= int64Ceiling, let v = Int64(exactly: r) else {
            throw NumericInputError(field: field, "\(format(x)) does not fit a 64-bit integer")
        }
        return v
    }

    /// `x` rounded to the nearest Int; throws when it does not fit.
    public static func int(_ x: Double, field: String? = nil) throws(NumericInputError) -> Int {
        let v = try int64(x, field: field)
        guard let i = Int(exactly: v) else { throw NumericInputError(field: field, "\(format(x)) does not fit an integer") }
        return i
    }

    /// `x` rounded to the nearest Int and clamped to `range` (NaN gives the lower bound). For derived
    /// quantities (counts computed from accepted inputs) where the clamp is the documented behaviour.
    public static func clampedInt(_ x: Double, to range: ClosedRange<Int>) -> Int {
        guard !x.isNaN else { return range.lowerBound }
        if x <= Double(range.lowerBound) { return range.lowerBound }
        if x >= Double(range.upperBound) { return range.upperBound }
        return Int(x.rounded())
    }

    /// Whole nanoseconds in `seconds`, rounded; throws when negative, not finite or above
    /// ``InputLimits/maxSeconds``.
    public static func nanoseconds(seconds: Double, field: String? = nil) throws(NumericInputError) -> Int64 {
        guard seconds.isFinite, seconds >= 0 else {
            throw NumericInputError(field: field, "must be a time ≥ 0 s, got \(format(seconds))")
        }
        guard seconds <= InputLimits.maxSeconds else {
            throw NumericInputError(field: field,
                                    "must be ≤ \(format(InputLimits.maxSeconds)) s (colosim's limit, docs/limits.md), got \(format(seconds)) s")
        }
        return try int64(seconds * 1e9, field: field)
    }

    /// A duration of `seconds`, checked as ``nanoseconds(seconds:field:)``.
    public static func duration(seconds: Double, field: String? = nil) throws(NumericInputError) -> SimDuration {
        SimDuration(nanoseconds: try nanoseconds(seconds: seconds, field: field))
    }

    /// A seed: any whole number from 0 to UInt64.max, in decimal (or `0x` hexadecimal).
    public static func seed(_ text: String, field: String? = nil) throws(NumericInputError) -> UInt64 {
        let t = text.trimmingPrefixAndSuffixSpaces()
        let v: UInt64? = t.hasPrefix("0x") || t.hasPrefix("0X") ? UInt64(t.dropFirst(2), radix: 16) : UInt64(t)
        guard let v else {
            throw NumericInputError(field: field, "a seed must be a whole number from 0 to \(UInt64.max), got '\(text)'")
        }
        return v
    }

    /// `v` unchanged when `rule` accepts it; throws its problem otherwise.
    public static func check(_ v: Double, _ rule: NumericRule, field: String? = nil) throws(NumericInputError) -> Double {
        if let p = rule.problem(v) { throw NumericInputError(field: field, p) }
        return v
    }

    /// A number for messages: whole values without a fraction, others as Swift prints them.
    public static func format(_ v: Double) -> String {
        if v.isFinite, v == v.rounded(), abs(v) < 1e15, let i = Int64(exactly: v) { return String(i) }
        return String(v)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs (SimEngine has no Foundation).
    func trimmingPrefixAndSuffixSpaces() -> Substring {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
