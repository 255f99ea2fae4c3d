import ColoModel
import SimEngine

/// The kernel-mode isolation engine on one slice domain, as a ``ContextScheduler``.
///
/// Wraps a ``SliceScheduler``: containers get slots as they attach, their weights (Double) are scaled to
/// integers (×10⁶) for the weighted round-robin, latency-sensitive containers are the online ones of
/// `online-preempts-offline`. One instance per domain (SMs, NVENC, NVDEC) built from the same weights
/// is how one weight governs compute, render and codec (DESIGN §5). Each domain switch costs
/// ``KernelModeParameters/switchCostNs``, plus ``KernelModeParameters/preemptionLatencyNs`` when an online
/// context preempts an offline one.
public struct KernelModeScheduler: ContextScheduler {
    /// The wrapped slot-level scheduler.
    public private(set) var core: SliceScheduler
    /// Slot of each attached container.
    public private(set) var slots: [ContainerID: Int] = [:]
    /// Container of each slot.
    public private(set) var ids: [ContainerID] = []
    private var nextToken: UInt64 = 1

    /// Weight scale: weights are kept as integers of 10⁻⁶.
    public static let weightScale = 1_000_000.0

    /// Creates the engine for one domain; `capacityWeight` (same unit as the weights) is the total the
    /// `fixed` policy divides by (nil: the sum of attached weights).
    public init(policy: KernelModePolicy, parameters: KernelModeParameters, capacityWeight: Double? = nil) {
        core = SliceScheduler(policy: policy, parameters: parameters,
                              capacityWeight: capacityWeight.map { Self.scaled($0) })
    }

    /// `w` in units of 10⁻⁶, clamped to 1…10¹⁵ (scenario weights are at most ``InputLimits/maxWeight``;
    /// the clamp keeps sums of weights far from overflow whatever a caller passes).
    static func scaled(_ w: Double) -> Int64 {
        Int64(CheckedNumber.clampedInt(w * weightScale, to: 1...1_000_000_000_000_000))
    }

    /// Handles `event` at `now` (invariants asserted afterwards in debug builds) and returns the actions.
    public mutating func handle(_ event: ContextSchedulerEvent, now: Instant) -> [ContextSchedulerAction] {
        let actions = step(event, now: now)
        #if DEBUG
        let v = core.invariantViolations
        assert(v.isEmpty, "kernel-mode scheduler invariants violated after \(event): \(v)")
        #endif
        return actions
    }

    private mutating func step(_ event: ContextSchedulerEvent, now: Instant) -> [ContextSchedulerAction] {
        let t = now.nanoseconds
        switch event {
        case .attached(let id, let priority, let weight):
            let slot = slot(for: id, priority: priority, weight: weight)
            return translate(core.handle(.attach(slot), now: t))
        case .detached(let id):
            guard let s = slots[id] else { return [] }
            return translate(core.handle(.detach(s), now: t))
        case .busy(let id):
            let s = slots[id] ?? slot(for: id, priority: .bestEffort, weight: 1)
            return translate(core.handle(.busy(s), now: t))
        case .idle(let id):
            guard let s = slots[id] else { return [] }
            return translate(core.handle(.idle(s), now: t))
        case .timer:
            return translate(core.handle(.timer, now: t))
        }
    }

    private mutating func slot(for id: ContainerID, priority: PriorityClass, weight: Double) -> Int {
        if let s = slots[id] { return s }
        let s = core.register(weight: Self.scaled(weight), online: priority == .latencySensitive)
        slots[id] = s
        ids.append(id)
        return s
    }

    private mutating func translate(_ actions: [SliceScheduler.Action]) -> [ContextSchedulerAction] {
        actions.map { a in
            switch a {
            case .grant(let owner, let preempting):
                var cost = core.parameters.switchCostNs
                if preempting { cost += core.parameters.preemptionLatencyNs }
                return .grant(owner.map { ids[$0] }, switchCost: SimDuration(nanoseconds: cost))
            case .setTimer(let at):
                let token = nextToken
                nextToken += 1
                return .setTimer(at: Instant(nanoseconds: at), token: token)
            }
        }
    }
}
