import ColoModel
import SimEngine

/// The grant of each slice domain (SMs, NVENC, NVDEC): three stored grants read by domain, the
/// device model's hot path (a dictionary look-up hashed the domain on every rate computation).
public struct DomainGrants: Hashable, Sendable {
    /// The SMs' grant.
    public internal(set) var graphics = DomainGrant()
    /// The NVENC engines' grant.
    public internal(set) var nvenc = DomainGrant()
    /// The NVDEC engines' grant.
    public internal(set) var nvdec = DomainGrant()

    /// Fresh grants (nobody holds any domain).
    public init() {}

    /// The grant of `domain` (never nil: every domain has one; optional for the dictionary's
    /// call sites). Setting nil resets it.
    /// - Complexity: O(1).
    public subscript(domain: SliceDomain) -> DomainGrant? {
        get {
            switch domain {
            case .graphics: graphics
            case .nvenc: nvenc
            case .nvdec: nvdec
            }
        }
        set {
            let g = newValue ?? DomainGrant()
            switch domain {
            case .graphics: graphics = g
            case .nvenc: nvenc = g
            case .nvdec: nvdec = g
            }
        }
    }

    /// The earliest end of a context switch after `now` in any domain, or `.distantFuture`.
    func switchEnd(after now: Instant) -> Instant {
        var t = Instant.distantFuture
        if graphics.switchingUntil > now { t = min(t, graphics.switchingUntil) }
        if nvenc.switchingUntil > now { t = min(t, nvenc.switchingUntil) }
        if nvdec.switchingUntil > now { t = min(t, nvdec.switchingUntil) }
        return t
    }
}
