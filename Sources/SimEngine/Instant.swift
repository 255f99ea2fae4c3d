/// A point in simulated time, in integer nanoseconds since the start of the run.
public struct Instant: SimTime, Hashable, Codable, CustomStringConvertible {
    /// Nanoseconds since the start of the run.
    public var nanoseconds: Int64

    /// Creates an instant `nanoseconds` after the start of the run.
    @inlinable public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// The start of the run.
    public static let zero = Instant(nanoseconds: 0)
    /// A time later than any event a run will schedule.
    public static let distantFuture = Instant(nanoseconds: .max)

    /// Creates an instant from seconds, rounded to the nearest nanosecond.
    ///
    /// Saturates instead of trapping (NaN gives zero); numbers from outside are range-checked
    /// first through ``CheckedNumber``, so saturation is only a last line of defence.
    @inlinable public static func seconds(_ s: Double) -> Instant {
        Instant(nanoseconds: SimDuration.saturatingNanoseconds(s * 1e9))
    }

    /// This instant in seconds.
    @inlinable public var seconds: Double { Double(nanoseconds) * 1e-9 }

    @inlinable public static func < (a: Instant, b: Instant) -> Bool { a.nanoseconds < b.nanoseconds }

    /// The instant `d` after `a`.
    @inlinable public static func + (a: Instant, d: SimDuration) -> Instant {
        Instant(nanoseconds: a.nanoseconds + d.nanoseconds)
    }

    /// The instant `d` before `a`.
    @inlinable public static func - (a: Instant, d: SimDuration) -> Instant {
        Instant(nanoseconds: a.nanoseconds - d.nanoseconds)
    }

    /// The time from `b` to `a`.
    @inlinable public static func - (a: Instant, b: Instant) -> SimDuration {
        SimDuration(nanoseconds: a.nanoseconds - b.nanoseconds)
    }

    public var description: String { "\(seconds)s" }
}

/// A span of simulated time in integer nanoseconds.
public struct SimDuration: Comparable, Hashable, Codable, Sendable, CustomStringConvertible {
    /// Length in nanoseconds.
    public var nanoseconds: Int64

    /// Creates a duration of `nanoseconds`.
    @inlinable public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// No time at all.
    public static let zero = SimDuration(nanoseconds: 0)

    /// A duration from seconds, rounded to the nearest nanosecond.
    ///
    /// Saturates at ±Int64.max nanoseconds instead of trapping (NaN gives zero); numbers from
    /// outside are range-checked first through ``CheckedNumber``.
    @inlinable public static func seconds(_ s: Double) -> SimDuration {
        SimDuration(nanoseconds: saturatingNanoseconds(s * 1e9))
    }

    /// `ns` rounded to Int64, saturating at the type's bounds; NaN gives 0.
    @inlinable public static func saturatingNanoseconds(_ ns: Double) -> Int64 {
        let r = ns.rounded()
        if r < 9_223_372_036_854_774_784 && r > -9_223_372_036_854_774_784 { return Int64(r) }
        if r.isNaN { return 0 }
        return r > 0 ? .max : .min
    }
    /// A duration from milliseconds, rounded to the nearest nanosecond.
    @inlinable public static func milliseconds(_ ms: Double) -> SimDuration { .seconds(ms * 1e-3) }
    /// A duration from microseconds, rounded to the nearest nanosecond.
    @inlinable public static func microseconds(_ us: Double) -> SimDuration { .seconds(us * 1e-6) }

    /// This duration in seconds.
    @inlinable public var seconds: Double { Double(nanoseconds) * 1e-9 }

    @inlinable public static func < (a: SimDuration, b: SimDuration) -> Bool { a.nanoseconds < b.nanoseconds }
    @inlinable public static func + (a: SimDuration, b: SimDuration) -> SimDuration {
        SimDuration(nanoseconds: a.nanoseconds + b.nanoseconds)
    }
    @inlinable public static func - (a: SimDuration, b: SimDuration) -> SimDuration {
        SimDuration(nanoseconds: a.nanoseconds - b.nanoseconds)
    }

    public var description: String { "\(seconds)s" }
}
