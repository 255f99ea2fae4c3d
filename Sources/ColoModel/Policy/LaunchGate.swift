import SimEngine

/// The user-mode admission policy: decides when an intercepted kernel launch reaches the device.
///
/// A pure value-type state machine (DESIGN §2, §5): every launch of compute work goes through
/// ``LaunchGateEvent/launchRequested(_:)``; the gate answers ``LaunchGateAction/admit(launch:)``
/// now or ``LaunchGateAction/retry(launch:at:)`` later (the simulator re-sends the same request at
/// that time: HAMi's throttle sleep). Timers may ask for the device-measured SM utilization of every
/// container over a trailing window (HAMi's watcher reads NVML over the last second). Render and
/// codec work never pass through the gate (user mode does not isolate them).
///
/// Implementations: `PassThroughGate` (GPUDevice; admits everything), the HAMi-core engine (Isolation).
public protocol LaunchGate: Sendable {
    /// Handles `event` at time `now` and returns the actions to apply, in order.
    mutating func handle(_ event: LaunchGateEvent, now: Instant) -> [LaunchGateAction]
    /// What the utilization delivered with ``LaunchGateEvent/timer(token:smUtilization:)`` means
    /// (default ``UtilizationReport/exact``).
    var utilizationReport: UtilizationReport { get }
    /// Device memory the engine counts against a container's quota from the moment its process
    /// starts, before any allocation (HAMi-core: the CUDA context's size as NVML reports it;
    /// default 0). The simulator holds it on the device for the container.
    var contextMemoryBytes: Int64 { get }
}

extension LaunchGate {
    /// Exact SM shares.
    public var utilizationReport: UtilizationReport { .exact }
    /// Nothing counted before the first allocation.
    public var contextMemoryBytes: Int64 { 0 }
}
