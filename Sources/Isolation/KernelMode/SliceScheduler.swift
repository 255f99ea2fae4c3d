/// The kernel-mode engine's scheduler of one time-slice domain (SM/graphics, NVENC or NVDEC), as a pure
/// state machine over container slots (0, 1, …) and integer nanoseconds.
///
/// Time is cut into slices of ``KernelModeParameters/unitNs``; at each slice boundary the next owner is
/// drawn by smooth weighted round-robin among the candidates the ``KernelModePolicy`` allows:
/// - `fixed`: every attached container, plus an *unallocated* pseudo-owner holding
///   `capacityWeight − Σ attached` (slices during which nothing runs), so a container gets w/capacity
///   of the GPU whatever the others do; the owner keeps its slice even when idle;
/// - `weight-preemptive`: attached containers (w/Σ attached); the owner keeps its slice even when idle;
/// - `burst`: busy containers only (w/Σ busy); an owner that goes idle hands over at once, a container
///   that turns busy is offered slices from the next boundary (after ``KernelModeParameters/reclaimDelayNs``);
/// - `online-preempts-offline`: busy online containers if any, else busy offline ones; an online container
///   turning busy while an offline one runs takes the domain at once.
///
/// Over a period of U units a container with weight w gets exactly w/ΣW of the slices when U is a multiple
/// of the reduced ΣW. The caller reports containers turning busy or idle and delivers the timers it is
/// asked for; the scheduler answers with ``Action/grant(owner:preempting:)`` and ``Action/setTimer(atNs:)``.
public struct SliceScheduler: Sendable {
    /// What happens to the domain.
    public enum Event: Sendable, Hashable {
        /// A container's context is created on the GPU.
        case attach(Int)
        /// A container's context is destroyed.
        case detach(Int)
        /// A container now has work pending on this domain.
        case busy(Int)
        /// A container has no more work pending on this domain.
        case idle(Int)
        /// A timer asked for earlier fires (stale ones are ignored).
        case timer
    }

    /// What the caller must do.
    public enum Action: Sendable, Hashable {
        /// From now the domain runs only `owner`'s work (nil: it idles); `preempting` when an online
        /// context displaces an offline one mid-slice (the preemption latency applies).
        case grant(owner: Int?, preempting: Bool)
        /// Deliver ``Event/timer`` at `atNs`.
        case setTimer(atNs: Int64)
    }

    /// Key of the unallocated pseudo-owner under `fixed`.
    public static let unallocated = Int.max

    /// The sharing policy.
    public let policy: KernelModePolicy
    /// The constants.
    public let parameters: KernelModeParameters
    /// Total weight the GPU's slices are divided by under `fixed` (nil: the sum of attached weights).
    public let capacityWeight: Int64?
    /// Weights, indexed by container slot (each > 0).
    public private(set) var weights: [Int64] = []
    /// Whether each container is online (latency-sensitive).
    public private(set) var online: [Bool] = []
    /// Whether each container is attached.
    public private(set) var attached: [Bool] = []
    /// Whether each container has work pending.
    public private(set) var busy: [Bool] = []
    /// The container owning the domain now (nil: idle or unallocated).
    public private(set) var owner: Int?
    /// When the current slice ends (nil: no slice running).
    public private(set) var sliceEndNs: Int64?
    /// Slices started per container.
    public private(set) var slicesGranted: [Int] = []
    /// Slices left unallocated under `fixed`.
    public private(set) var unallocatedSlices = 0
    private var rr = SmoothWeightedRoundRobin()
    private var eligibleAtNs: [Int64] = []

    /// Creates a scheduler with no containers.
    public init(policy: KernelModePolicy, parameters: KernelModeParameters, capacityWeight: Int64? = nil) {
        self.policy = policy
        self.parameters = parameters
        self.capacityWeight = capacityWeight
    }

    /// Creates a scheduler with containers of `weights` (slots 0…), offline unless `online` says otherwise.
    public init(policy: KernelModePolicy, parameters: KernelModeParameters, weights: [Int64],
                online: [Bool]? = nil, capacityWeight: Int64? = nil) {
        self.init(policy: policy, parameters: parameters, capacityWeight: capacityWeight)
        for (i, w) in weights.enumerated() { _ = register(weight: w, online: online?[i] ?? false) }
    }

    /// Adds a container slot (not yet attached) and returns it.
    public mutating func register(weight: Int64, online isOnline: Bool) -> Int {
        weights.append(max(1, weight))
        online.append(isOnline)
        attached.append(false)
        busy.append(false)
        slicesGranted.append(0)
        eligibleAtNs.append(0)
        return weights.count - 1
    }

    /// Handles `event` at `now` and returns the actions to take, in order.
    public mutating func handle(_ event: Event, now: Int64) -> [Action] {
        switch event {
        case .attach(let c):
            guard weights.indices.contains(c), !attached[c] else { return [] }
            attached[c] = true
            // Start slicing through a timer at `now`, so containers attached at the same instant all
            // take part in the first pick.
            if sliceEndNs == nil && owner == nil && (policy == .fixed || policy == .weightPreemptive) {
                return [.setTimer(atNs: now)]
            }
            return []
        case .detach(let c):
            guard weights.indices.contains(c), attached[c] else { return [] }
            attached[c] = false
            busy[c] = false
            if owner == c { return startSlice(now: now, preempting: false) }
            return []
        case .busy(let c):
            guard weights.indices.contains(c), !busy[c] else { return [] }
            busy[c] = true
            if !attached[c] {
                attached[c] = true
                if sliceEndNs == nil && (policy == .fixed || policy == .weightPreemptive) {
                    return [.setTimer(atNs: now)]
                }
            }
            switch policy {
            case .fixed, .weightPreemptive:
                return []
            case .burst, .onlinePreemptsOffline:
                rr.reset(c)
                eligibleAtNs[c] = now + (policy == .burst ? parameters.reclaimDelayNs : 0)
                if policy == .onlinePreemptsOffline, online[c], let o = owner, !online[o] {
                    return startSlice(now: now, preempting: true)
                }
                if owner == nil {
                    if eligibleAtNs[c] <= now { return startSlice(now: now, preempting: false) }
                    return [.setTimer(atNs: eligibleAtNs[c])]
                }
                return []
            }
        case .idle(let c):
            guard weights.indices.contains(c), busy[c] else { return [] }
            busy[c] = false
            if owner == c && (policy == .burst || policy == .onlinePreemptsOffline) {
                return startSlice(now: now, preempting: false)
            }
            return []
        case .timer:
            if let end = sliceEndNs, now >= end { return startSlice(now: now, preempting: false) }
            if sliceEndNs == nil && !candidates(now: now).isEmpty { return startSlice(now: now, preempting: false) }
            return []
        }
    }

    /// The candidates for the next slice at `now`, as (key, weight); keys are slots or ``unallocated``.
    public func candidates(now: Int64) -> [(key: Int, weight: Int64)] {
        var out: [(key: Int, weight: Int64)] = []
        switch policy {
        case .fixed:
            var sum: Int64 = 0
            for c in weights.indices where attached[c] {
                out.append((c, weights[c]))
                sum += weights[c]
            }
            if let cap = capacityWeight, cap > sum, !out.isEmpty { out.append((Self.unallocated, cap - sum)) }
        case .weightPreemptive:
            for c in weights.indices where attached[c] { out.append((c, weights[c])) }
        case .burst:
            for c in weights.indices where busy[c] && eligibleAtNs[c] <= now { out.append((c, weights[c])) }
        case .onlinePreemptsOffline:
            for c in weights.indices where busy[c] && online[c] { out.append((c, weights[c])) }
            if out.isEmpty { for c in weights.indices where busy[c] { out.append((c, weights[c])) } }
        }
        return out
    }

    private mutating func startSlice(now: Int64, preempting: Bool) -> [Action] {
        let previous = owner
        guard let next = rr.pick(among: candidates(now: now)) else {
            owner = nil
            sliceEndNs = nil
            var actions: [Action] = previous == nil ? [] : [.grant(owner: nil, preempting: false)]
            if policy == .burst,
               let wake = weights.indices.filter({ busy[$0] }).map({ eligibleAtNs[$0] }).min() {
                actions.append(.setTimer(atNs: wake))
            }
            return actions
        }
        let end = now + parameters.unitNs
        sliceEndNs = end
        var actions: [Action] = []
        if next == Self.unallocated {
            unallocatedSlices += 1
            owner = nil
            if previous != nil { actions.append(.grant(owner: nil, preempting: false)) }
        } else {
            owner = next
            slicesGranted[next] += 1
            if next != previous { actions.append(.grant(owner: next, preempting: preempting)) }
        }
        actions.append(.setTimer(atNs: end))
        return actions
    }
}
