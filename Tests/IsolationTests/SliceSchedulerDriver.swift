@testable import Isolation

/// A minimal event loop around a ``SliceScheduler`` for tests: applies grants, delivers timers, and
/// integrates how long each container *ran* (owned the domain while busy, after switch costs).
struct SliceSchedulerDriver {
    var scheduler: SliceScheduler
    var now: Int64 = 0
    var timers: [Int64] = []
    /// Owner granted and the time its grant takes effect.
    var owner: Int?
    var ownerFrom: Int64 = 0
    var ran: [Int64]
    var held: [Int64]
    var grants: [(at: Int64, owner: Int?, preempting: Bool)] = []
    var checkInvariants = true
    var violations: [String] = []

    init(_ s: SliceScheduler) {
        scheduler = s
        ran = [Int64](repeating: 0, count: s.weights.count)
        held = ran
    }

    mutating func send(_ e: SliceScheduler.Event) {
        apply(scheduler.handle(e, now: now))
    }

    mutating func apply(_ actions: [SliceScheduler.Action]) {
        for a in actions {
            switch a {
            case .setTimer(let at): timers.append(at)
            case .grant(let o, let preempting):
                integrate(to: now)
                var at = now
                if o != nil && owner != nil && o != owner { at += scheduler.parameters.switchCostNs }
                if preempting { at += scheduler.parameters.preemptionLatencyNs }
                grants.append((at, o, preempting))
                owner = o
                ownerFrom = at
            }
        }
        if checkInvariants { violations += scheduler.invariantViolations }
    }

    mutating func integrate(to t: Int64) {
        guard let o = owner, t > ownerFrom else { return }
        held[o] += t - ownerFrom
        if scheduler.busy[o] { ran[o] += t - ownerFrom }
        ownerFrom = t
    }

    /// Runs timers up to `t` (exclusive), then moves the clock to `t`.
    mutating func advance(to t: Int64) {
        while let next = timers.min(), next < t {
            timers.remove(at: timers.firstIndex(of: next)!)
            integrate(to: next)
            now = next
            send(.timer)
        }
        integrate(to: t)
        now = t
    }

    mutating func resetCounters() {
        for i in ran.indices { ran[i] = 0; held[i] = 0 }
    }
}
