/// A per-metric tolerance override: applies to every metric whose key (`case/metric`) matches the
/// glob `match` (`*` matches any run of characters, `?` one character).
public struct ToleranceRule: Sendable, Hashable, Codable {
    /// Glob over `case/metric`, e.g. `scenario/*/gpu.context_switches` or `*.p99_ms`.
    public var match: String
    /// Allowed relative change.
    public var relative: Double
    /// Allowed absolute change.
    public var absolute: Double
    /// Why this metric gets its own tolerance.
    public var note: String?

    /// Creates a rule.
    public init(match: String, relative: Double, absolute: Double, note: String? = nil) {
        self.match = match
        self.relative = relative
        self.absolute = absolute
        self.note = note
    }

    /// The rule's tolerance.
    public var tolerance: Tolerance { Tolerance(relative: relative, absolute: absolute) }
}
