import SimEngine

/// The time-slice policy of one ``SliceDomain``: which container's context may use it now.
///
/// A pure value-type state machine (DESIGN §2): it reads no clock and draws no random numbers; the
/// simulator feeds it events with the current time and applies the actions it returns, in order.
/// The device applies the context-switch cost whenever the grant moves from one container to
/// another (see ``ContextSchedulerAction/grant(_:switchCost:)``).
///
/// Timers cannot be cancelled by the simulator in flight: a scheduler that re-arms should give each
/// timer a fresh token and ignore stale ones (``ContextSchedulerAction/cancelTimer(token:)`` is a hint
/// the simulator may use to drop the event early).
///
/// Implementations: the native driver time-slicer (`NativeTimeSlicer` in GPUDevice), the shared
/// FCFS mode of codec engines (`SharedDomainScheduler` in GPUDevice), the kernel-mode engine's
/// weighted slices (Isolation).
public protocol ContextScheduler: Sendable {
    /// Handles `event` at time `now` and returns the actions to apply, in order.
    mutating func handle(_ event: ContextSchedulerEvent, now: Instant) -> [ContextSchedulerAction]
}
