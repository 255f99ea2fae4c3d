/// The verdict on one row of a comparison.
public enum Verdict: String, Sendable, Hashable, Codable {
    /// Equal to the golden value (digest: identical).
    case ok
    /// Moved, but within the metric's tolerance.
    case withinTolerance = "within tolerance"
    /// Moved beyond the metric's tolerance: a regression.
    case regressed = "REGRESSED"
    /// The digest differs while every metric is within tolerance: results changed although the
    /// change was not meant to change them. Fails.
    case digestChanged = "DIGEST CHANGED"
    /// The digest differs and metrics moved (those rows say which).
    case changed = "CHANGED"
    /// No golden value: record one with `--update --reason`. Fails.
    case new = "NEW"
    /// A golden value the run no longer produces. Fails.
    case missing = "MISSING"

    /// Whether this verdict fails the check.
    public var fails: Bool {
        switch self {
        case .ok, .withinTolerance: return false
        case .regressed, .digestChanged, .changed, .new, .missing: return true
        }
    }
}
