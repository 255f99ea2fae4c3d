import ColoModel
import SimEngine

/// The native driver's time-slicing between contexts on one domain (DESIGN §4).
///
/// Round robin over the busy contexts in container order; the holder keeps the domain for one
/// `timeslice` while another context waits, or until it has no work (work-conserving: an idle
/// context gives up the rest of its slice at once). A lone busy holder keeps the domain; its slice
/// boundaries still tick every `timeslice` from its grant, so a newcomer waits for the current
/// boundary. The device charges the switch cost on every change of holder.
public struct NativeTimeSlicer: ContextScheduler, Hashable {
    /// Length of one slice.
    public var timeslice: SimDuration
    /// Attached containers (round-robin order is by identifier).
    public private(set) var attached: [ContainerID] = []
    /// Containers with work in the domain.
    public private(set) var busy: Set<ContainerID> = []
    /// Current holder of the domain.
    public private(set) var holder: ContainerID?
    /// When the holder's current run of slices began.
    public private(set) var sliceStart: Instant = .zero
    /// Token of the live slice-end timer (0: none).
    public private(set) var liveToken: UInt64 = 0
    private var nextToken: UInt64 = 1

    /// Creates a time-slicer with slices of `timeslice`.
    public init(timeslice: SimDuration) { self.timeslice = timeslice }

    public mutating func handle(_ event: ContextSchedulerEvent, now: Instant) -> [ContextSchedulerAction] {
        switch event {
        case .attached(let c, _, _):
            if !attached.contains(c) { attached.append(c); attached.sort() }
            return []
        case .detached(let c):
            attached.removeAll { $0 == c }
            return becameIdle(c, now: now)
        case .busy(let c):
            if !attached.contains(c) { attached.append(c); attached.sort() }
            busy.insert(c)
            if holder == nil {
                return grant(c, now: now)
            }
            if holder != c, liveToken == 0 { return armTimer(now: now) }
            return []
        case .idle(let c):
            return becameIdle(c, now: now)
        case .timer(let token):
            guard token == liveToken else { return [] }
            liveToken = 0
            guard let h = holder, let next = nextBusy(after: h), next != h else {
                return []
            }
            return grant(next, now: now)
        }
    }

    private mutating func becameIdle(_ c: ContainerID, now: Instant) -> [ContextSchedulerAction] {
        busy.remove(c)
        guard holder == c else { return [] }
        var actions: [ContextSchedulerAction] = []
        if liveToken != 0 { actions.append(.cancelTimer(token: liveToken)); liveToken = 0 }
        if let next = nextBusy(after: c) {
            actions += grant(next, now: now)
        } else {
            holder = nil
            actions.append(.grant(nil))
        }
        return actions
    }

    private mutating func grant(_ c: ContainerID, now: Instant) -> [ContextSchedulerAction] {
        holder = c
        sliceStart = now
        var actions: [ContextSchedulerAction] = [.grant(c)]
        if liveToken != 0 { actions.append(.cancelTimer(token: liveToken)); liveToken = 0 }
        if busy.count > 1 { actions += armTimer(now: now) }
        return actions
    }

    private mutating func armTimer(now: Instant) -> [ContextSchedulerAction] {
        let t = timeslice.nanoseconds
        let elapsed = now.nanoseconds - sliceStart.nanoseconds
        let slices = max(1, (elapsed + t - 1) / t)
        let at = Instant(nanoseconds: max(now.nanoseconds, sliceStart.nanoseconds + slices * t))
        liveToken = nextToken
        nextToken += 1
        return [.setTimer(at: at, token: liveToken)]
    }

    /// The next busy container after `c` in round-robin order (`c` itself if it is the only one).
    private func nextBusy(after c: ContainerID) -> ContainerID? {
        let order = attached
        guard !order.isEmpty else { return busy.min() }
        let start = order.firstIndex(of: c) ?? -1
        for k in 1...order.count {
            let cand = order[(start + k + order.count) % order.count]
            if busy.contains(cand) { return cand }
        }
        return nil
    }
}
