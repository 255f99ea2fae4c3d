/// The range of one kind of number: its largest magnitude, its unit for messages and, for a time,
/// how many seconds one unit is (so a positive time below 1 ns can be refused).
public struct NumericRule: Sendable, Hashable {
    /// Largest accepted magnitude, in the field's own unit.
    public var max: Double
    /// The unit as printed after a number (" s", " ms", "" for none).
    public var unit: String
    /// Seconds per unit for time fields; nil otherwise.
    public var seconds: Double?
    /// Smallest accepted positive magnitude (nil: any); rates, so one event fits the longest run.
    public var minPositive: Double?

    /// Creates a rule.
    public init(max: Double, unit: String, seconds: Double?, minPositive: Double? = nil) {
        self.max = max
        self.unit = unit
        self.seconds = seconds
        self.minPositive = minPositive
    }

    /// What is wrong with `value` under this rule, or nil when it is accepted.
    public func problem(_ value: Double) -> String? {
        guard value.isFinite else { return "must be a finite number, got \(value)" }
        if abs(value) > max {
            return "must be ≤ \(CheckedNumber.format(max))\(unit) (colosim's limit, docs/limits.md), got \(CheckedNumber.format(value))"
        }
        if let minPositive, value != 0, abs(value) < minPositive {
            return "must be 0 or at least \(minPositive)\(unit) (colosim's limit, docs/limits.md), got \(value)"
        }
        if let seconds, value != 0, abs(value) * seconds < InputLimits.minPositiveSeconds * 0.5 {
            return "must be 0 or at least 1 ns (the simulator's resolution), got \(CheckedNumber.format(value))\(unit)"
        }
        return nil
    }
}
