/// The time-sliced user-mode engine (Gemini / KubeShare style) for one GPU, as a pure state machine.
///
/// Containers take turns holding an exclusive launch *token*: only the holder's kernel launches pass;
/// the others sleep until the holder's quota ends. A container's quota adapts to its kernel burst: the
/// span from the start of its previous quota to its last launch in it, clamped to
/// [``Parameters/minimumQuotaNs``, ``Parameters/baseQuotaNs``] (100 ms, 250 ms; the first quota is the
/// base). When a quota ends, the next holder is the waiting container
/// whose token time over the last ``Parameters/windowNs`` (10 s) is smallest relative to its requested
/// share [Chen et al., "Gemini: enabling multi-tenant GPU sharing based on kernel burst estimation",
/// IEEE TCC 2021; Yeh et al., "KubeShare", HPDC'20]. A holder that launched within the last minimum
/// quota before its quota ends counts as waiting again. Rotation is lazy: it happens at the first launch
/// request at or after the quota's end, so no timer is needed. Kernels already launched still run
/// after the token moves (the device keeps its queue).
public struct TimeSlicedQuotaEngine: Sendable {
    /// Constants of the engine.
    public struct Parameters: Sendable, Hashable, Codable {
        /// Base quota, ns (Gemini: 250 ms).
        public var baseQuotaNs: Int64 = 250_000_000
        /// Minimum quota, ns (Gemini: 100 ms).
        public var minimumQuotaNs: Int64 = 100_000_000
        /// Usage window, ns (Gemini: 10 s).
        public var windowNs: Int64 = 10_000_000_000

        /// Default parameters.
        public init() {}
    }

    /// The answer to a launch request.
    public enum Decision: Sendable, Hashable {
        /// The launch passes now.
        case admit
        /// The launch waits until `atNs` (the end of the current holder's quota).
        case retry(atNs: Int64)
    }

    /// The constants.
    public let parameters: Parameters
    /// Requested share of each container slot, in (0, 1].
    public private(set) var requests: [Double] = []
    /// The current token holder.
    public private(set) var holder: Int?
    /// When the holder's quota ends.
    public private(set) var quotaEndNs: Int64 = 0
    /// When the holder's quota began.
    public private(set) var quotaStartNs: Int64 = 0
    /// Containers that asked for the token since the last rotation.
    public private(set) var waiting: Set<Int> = []
    /// Past holds (container, start, end) still inside the usage window.
    public private(set) var history: [(container: Int, start: Int64, end: Int64)] = []
    /// Quotas granted so far.
    public private(set) var grants = 0
    /// Next quota of each container slot (adapted to its last burst).
    public private(set) var nextQuotaNs: [Int64] = []
    private var lastLaunchInHoldNs: Int64 = 0

    /// Creates an engine with no containers.
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    /// Adds a container requesting `share` of the GPU and returns its slot.
    public mutating func register(share: Double) -> Int {
        requests.append(min(1, max(1e-6, share)))
        nextQuotaNs.append(parameters.baseQuotaNs)
        return requests.count - 1
    }

    /// Token time of container `c` within [now − window, now].
    public func usage(_ c: Int, now: Int64) -> Int64 {
        let from = now - parameters.windowNs
        var u: Int64 = 0
        for h in history where h.container == c { u += max(0, min(h.end, now) - max(h.start, from)) }
        if holder == c { u += max(0, min(quotaEndNs, now) - max(quotaStartNs, from)) }
        return u
    }

    /// A kernel launch of container `c` at `now`.
    public mutating func requestLaunch(container c: Int, now: Int64) -> Decision {
        guard requests.indices.contains(c) else { return .admit }
        if holder == nil || now >= quotaEndNs {
            waiting.insert(c)
            rotate(now: now)
        }
        if holder == c {
            lastLaunchInHoldNs = now
            return .admit
        }
        waiting.insert(c)
        return .retry(atNs: quotaEndNs)
    }

    private mutating func rotate(now: Int64) {
        if let h = holder {
            history.append((h, quotaStartNs, min(quotaEndNs, now)))
            let burst = lastLaunchInHoldNs - quotaStartNs
            nextQuotaNs[h] = max(parameters.minimumQuotaNs, min(parameters.baseQuotaNs, burst))
            // A holder still launching near the end of its quota asks for the token again.
            if lastLaunchInHoldNs >= now - parameters.minimumQuotaNs { waiting.insert(h) }
        }
        history.removeAll { $0.end <= now - parameters.windowNs }
        holder = nil
        let candidates = waiting.sorted()
        guard !candidates.isEmpty else { return }
        var best = candidates[0]
        var bestScore = Double.infinity
        for c in candidates {
            let score = Double(usage(c, now: now)) / requests[c]
            if score < bestScore { best = c; bestScore = score }
        }
        let quota = nextQuotaNs[best]
        holder = best
        lastLaunchInHoldNs = now
        quotaStartNs = now
        quotaEndNs = now + quota
        waiting.remove(best)
        grants += 1
    }

    /// Violated invariants, as messages: at most one holder whose quota lies within [minimum, base];
    /// total token time in the window never exceeds the window (shares sum to ≤ 1).
    public func invariantViolations(now: Int64) -> [String] {
        var v: [String] = []
        if holder != nil {
            let q = quotaEndNs - quotaStartNs
            if q < parameters.minimumQuotaNs || q > parameters.baseQuotaNs { v.append("quota \(q) outside [min, base]") }
        }
        let total = requests.indices.reduce(Int64(0)) { $0 + usage($1, now: now) }
        if total > parameters.windowNs { v.append("token time \(total) exceeds the window") }
        return v
    }
}
