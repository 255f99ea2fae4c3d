import ColoModel
import SimEngine

/// No time-slicing: every container with work uses the domain at once.
///
/// The native behaviour of NVENC/NVDEC (frames served FCFS on the engines, DESIGN §4) and of one
/// shared context (MPS-like spatial sharing of the SMs).
public struct SharedDomainScheduler: ContextScheduler, Hashable {
    private var announced = false

    /// Creates the scheduler.
    public init() {}

    public mutating func handle(_ event: ContextSchedulerEvent, now: Instant) -> [ContextSchedulerAction] {
        if announced { return [] }
        announced = true
        return [.shareAll]
    }
}
