/// The discrete-event kernel: a virtual clock plus a pending-event set.
///
/// `Simulation` knows nothing about GPUs. A model supplies an ``EventHandler``; the kernel pops
/// events in (time, priority, insertion sequence) order, advances the clock and hands each event
/// to the handler, which may schedule or cancel further events. Cancellation is lazy: a cancelled
/// event stays in the heap and is skipped when it reaches the top (O(1) to cancel, amortized O(log n)
/// to discard).
public struct Simulation<Time: SimTime, Event> {
    /// The current simulated time: the time of the event being handled, or of the last one.
    @inlinable public var now: Time { _now }
    /// Events handed to the handler so far (cancelled ones excluded).
    @inlinable public var eventsProcessed: UInt64 { _eventsProcessed }
    @usableFromInline var _now: Time
    @usableFromInline var _eventsProcessed: UInt64 = 0
    @usableFromInline var queue: EventQueue<Time, Event>
    @usableFromInline var cancelled: Set<UInt64> = []

    /// Creates a simulation at time zero with room for `capacity` pending events.
    public init(capacity: Int = 0) {
        _now = .zero
        queue = EventQueue(capacity: capacity)
    }

    /// Number of pending events, cancelled ones not yet discarded included.
    @inlinable public var pendingCount: Int { queue.count }

    /// Schedules `event` at absolute time `time` (which must not be before ``now``).
    @inlinable @discardableResult
    public mutating func schedule(_ event: Event, at time: Time, priority: Int16 = 0) -> EventID {
        precondition(!(time < now), "Simulation: event scheduled in the past")
        return queue.push(event, at: time, priority: priority)
    }

    /// Cancels a pending event; cancelling one already handled or cancelled has no effect.
    ///
    /// O(1) amortized: the id joins a set that ``nextEvent(before:)`` consults only while it is
    /// non-empty. Ids of events already handled are dropped whenever the set outgrows the queue,
    /// so stale cancellations cannot accumulate.
    @inlinable
    public mutating func cancel(_ id: EventID) {
        guard id.sequence < queue.nextSequence else { return }
        cancelled.insert(id.sequence)
        if cancelled.count > queue.count { purgeCancelled() }
    }

    /// Keeps only the cancellations of events still in the queue.
    @usableFromInline
    mutating func purgeCancelled() {
        cancelled.formIntersection(queue.pendingSequences)
    }

    /// Pops the next live event if its time is before `limit`, advancing the clock to it.
    @inlinable
    public mutating func nextEvent(before limit: Time?) -> (time: Time, id: EventID, event: Event)? {
        while let entry = queue.pop(before: limit) {
            if !cancelled.isEmpty, cancelled.remove(entry.id.sequence) != nil { continue }
            #if DEBUG
            precondition(!(entry.time < now), "Simulation: time went backwards")
            #endif
            _now = entry.time
            _eventsProcessed &+= 1
            return (entry.time, entry.id, entry.payload)
        }
        return nil
    }

    /// Moves the clock forward to `time` without handling events (used when a run stops at a limit).
    public mutating func advance(to time: Time) {
        if _now < time { _now = time }
    }

    /// Runs `handler` over events until the queue empties, the next event is at or after `until`,
    /// `maxEvents` have been handled, or the handler asks to stop.
    @inlinable @discardableResult
    public mutating func run<H: EventHandler>(
        _ handler: inout H, until: Time? = nil, maxEvents: UInt64 = .max
    ) -> StopReason where H.Time == Time, H.Event == Event {
        var handled: UInt64 = 0
        while handled < maxEvents {
            guard let next = nextEvent(before: until) else {
                if let until, let t = queue.minimumTime, !(t < until) {
                    advance(to: until)
                    return .timeLimit
                }
                if let until, queue.isEmpty { advance(to: until) }
                return .queueEmpty
            }
            handled &+= 1
            if handler.handle(next.event, id: next.id, in: &self) == .stop { return .stoppedByHandler }
        }
        return .eventLimit
    }
}

/// What a handler tells the kernel after an event.
public enum StepResult: Sendable {
    /// Keep running.
    case `continue`
    /// Stop the run after this event.
    case stop
}

/// Why ``Simulation/run(_:until:maxEvents:)`` returned.
public enum StopReason: String, Sendable {
    case queueEmpty = "queue-empty"
    case timeLimit = "time-limit"
    case eventLimit = "event-limit"
    case stoppedByHandler = "stopped-by-handler"
}

/// A model driven by a ``Simulation``: it handles one event at a time and may schedule more.
public protocol EventHandler {
    associatedtype Time: SimTime
    associatedtype Event
    /// Handles `event` at `sim.now`; schedule follow-ups through `sim`.
    mutating func handle(_ event: Event, id: EventID, in sim: inout Simulation<Time, Event>) -> StepResult
}

extension Simulation where Time == Instant {
    /// Schedules `event` a duration `delay` after ``now``.
    @inlinable @discardableResult
    public mutating func schedule(_ event: Event, after delay: SimDuration, priority: Int16 = 0) -> EventID {
        schedule(event, at: now + delay, priority: priority)
    }
}

extension Simulation where Time == Double {
    /// Schedules `event` a time `delay` (in the model's time unit) after ``now``.
    @inlinable @discardableResult
    public mutating func schedule(_ event: Event, after delay: Double, priority: Int16 = 0) -> EventID {
        schedule(event, at: now + delay, priority: priority)
    }
}
