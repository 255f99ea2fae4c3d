import ColoModel
import SimEngine

/// Collects ``TimelineEvent``s overlapping a window of a single-GPU run: slices per domain, context
/// switches, kernels on the device, preemptions, requests and the launch gate's counters.
///
/// Opt-in: the model holds it as an optional, so a run without a window pays one nil check per hook.
/// Memory is bounded by the window (events outside it are dropped as they close) and by the items in
/// flight; at most ``maxEvents`` events are kept.
struct TimelineRecorder {
    /// The recorded window.
    let window: Range<Instant>
    /// At most this many events are kept (about 100 MB of JSON); later ones are counted in ``dropped``.
    static let maxEvents = 1_000_000
    private(set) var events: [TimelineEvent] = []
    private(set) var dropped = 0
    /// The context holding each domain exclusively since a time.
    private var holder: [SliceDomain: (context: ContainerID, since: Instant)] = [:]
    /// Items on the device: when they were submitted, by launch id.
    private var onDevice: [UInt64: Instant] = [:]

    init(window: Range<Instant>) {
        self.window = window
    }

    /// Appends `[start, end]` clipped to the window, if it overlaps it (an instant: if it lies in it).
    private mutating func add(_ kind: TimelineEvent.Kind, _ domain: SliceDomain, _ container: ContainerID,
                              workload: String = "", from start: Instant, to end: Instant, value: Double? = nil) {
        let s = max(start, window.lowerBound), e = min(end, window.upperBound)
        guard s <= e, s < window.upperBound, end >= window.lowerBound else { return }
        guard events.count < Self.maxEvents else { dropped += 1; return }
        events.append(TimelineEvent(kind: kind, domain: domain, container: container, workload: workload,
                                    start: s, duration: e - s, value: value))
    }

    /// `context` was granted `domain` exclusively at `now` (nil: nobody holds it), paying `switchCost`;
    /// `previousBusy` tells whether the context that held it still had work on the device (a preemption).
    mutating func granted(_ domain: SliceDomain, to context: ContainerID?, switchCost: SimDuration, now: Instant,
                          previousBusy: Bool) {
        if let h = holder[domain] {
            if h.context == context { return }  // the same slice goes on
            add(.slice, domain, h.context, from: h.since, to: now)
            if context != nil && previousBusy { add(.preemption, domain, h.context, from: now, to: now) }
        }
        guard let context else {
            holder[domain] = nil
            return
        }
        if switchCost > .zero { add(.contextSwitch, domain, context, from: now, to: now + switchCost) }
        holder[domain] = (context, now)
    }

    /// The holder of `domain` (if any) currently on it, for the preemption test.
    func holder(of domain: SliceDomain) -> ContainerID? { holder[domain]?.context }

    /// `domain` became shared by all contexts at `now` (no exclusive slice).
    mutating func shared(_ domain: SliceDomain, now: Instant) {
        if let h = holder.removeValue(forKey: domain) { add(.slice, domain, h.context, from: h.since, to: now) }
    }

    /// Launch `id` reached the device at `now`.
    mutating func submitted(_ id: UInt64, now: Instant) {
        if now < window.upperBound { onDevice[id] = now }
    }

    /// Launch `id` of `workload` (container `container`) completed on `domain` at `now`.
    mutating func completed(_ id: UInt64, workload: String, container: ContainerID, domain: SliceDomain, now: Instant) {
        guard let start = onDevice.removeValue(forKey: id) else { return }
        add(.kernel, domain, container, workload: workload, from: start, to: now)
    }

    /// A request of `workload` (container `container`, its kernels on `domain`) that arrived at `arrival`
    /// was seen complete at `now`.
    mutating func request(workload: String, container: ContainerID, domain: SliceDomain, arrival: Instant, now: Instant) {
        add(.request, domain, container, workload: workload, from: arrival, to: now)
    }

    /// The launch gate reported `value` for `name` of `container` at `now` (kept when `now` is in the window).
    mutating func counter(_ name: String, container: ContainerID, value: Double, now: Instant) {
        add(.counter, .graphics, container, workload: name, from: now, to: now, value: value)
    }

    /// Closes what is still open at the end of the run.
    mutating func finish(at end: Instant) {
        for (d, h) in holder.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            add(.slice, d, h.context, from: h.since, to: end)
        }
        holder = [:]
        onDevice = [:]
    }
}
