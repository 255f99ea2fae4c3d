import ColoModel
import SimEngine

/// Who may use one slice domain now, as the domain's ``ContextScheduler`` last decided.
public struct DomainGrant: Hashable, Sendable {
    /// Exclusive holder; nil with `shared` false means nobody.
    public internal(set) var holder: ContainerID?
    /// Every context with work may run (no switching).
    public internal(set) var shared: Bool = false
    /// The last context that held the domain exclusively (switch cost is charged on a change).
    public internal(set) var lastHolder: ContainerID?
    /// Nothing runs in the domain before this time (a context switch in progress).
    public internal(set) var switchingUntil: Instant = .zero
    /// Context switches performed.
    public internal(set) var switches: Int = 0

    /// Whether `context` may run at `now`.
    @inlinable public func admits(_ context: ContainerID, now: Instant) -> Bool {
        if now < switchingUntil { return false }
        return shared || holder == context
    }
}
