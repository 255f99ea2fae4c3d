/// How far a metric may move from its golden value and still pass: `|now − golden| ≤ max(absolute,
/// relative × |golden|)`.
///
/// Metrics of a deterministic simulator do not drift by themselves; the tolerance separates "the
/// numbers moved" from "only the event order changed" (see ``Comparison``), and absorbs
/// last-digit differences of floating-point formatting.
public struct Tolerance: Sendable, Hashable, Codable {
    /// Allowed relative change (0.01 = 1%).
    public var relative: Double
    /// Allowed absolute change, in the metric's unit.
    public var absolute: Double

    /// Creates a tolerance.
    public init(relative: Double, absolute: Double) {
        self.relative = relative
        self.absolute = absolute
    }

    /// The default: one part per million relative, 1e-9 absolute.
    public static let standard = Tolerance(relative: 1e-6, absolute: 1e-9)

    /// Whether `now` is within this tolerance of `golden` (two NaNs count as equal).
    public func allows(golden: Double, now: Double) -> Bool {
        if golden.isNaN || now.isNaN { return golden.isNaN && now.isNaN }
        if golden == now { return true }
        return abs(now - golden) <= max(absolute, relative * abs(golden))
    }
}
