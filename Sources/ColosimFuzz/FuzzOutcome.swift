/// What one fuzz input did to its target.
public enum FuzzOutcome: Sendable, Equatable {
    /// The input was accepted (a valid scenario, trace, file or command line).
    case accepted
    /// The input was refused with a message that names where the problem is.
    case rejected(String)
    /// The input was refused, but the message does not locate the problem (a finding).
    case unlocated(String)

    /// Whether this outcome is a finding (the input must be kept and the cause fixed).
    public var isFinding: Bool {
        if case .unlocated = self { return true }
        return false
    }
}
