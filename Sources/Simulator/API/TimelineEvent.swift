import ColoModel
import SimEngine

/// One interval or instant of a single-GPU run's timeline, recorded when
/// ``SimulationConfig/timelineWindow`` is set (for `colosim trace export --chrome`).
public struct TimelineEvent: Sendable, Codable, Hashable {
    /// What the event shows.
    public enum Kind: String, Sendable, Codable, Hashable {
        /// A context held a slice domain exclusively (a time slice), `start` to `start + duration`.
        case slice
        /// The switch into a slice: the context-switch cost paid at its start.
        case contextSwitch = "context-switch"
        /// A kernel, render or codec item on the device: submitted to the engine until it completed.
        case kernel
        /// A context lost its slice while it still had work on the device (duration zero).
        case preemption
        /// A request of a workload, from its arrival until the host saw its last kernel complete (its
        /// latency), whatever it waited for: a queue, the launch gate, a slice.
        case request
        /// A launch gate's state at an instant (duration zero): `workload` names the value (`tokens`,
        /// `share`, `utilization` of the user-mode engine's watcher), ``value`` holds it.
        case counter
    }

    /// What the event shows.
    public var kind: Kind
    /// The slice domain (`graphics`, `nvenc`, `nvdec`).
    public var domain: SliceDomain
    /// The container (the context's first container for slices; the launching container for kernels).
    public var container: ContainerID
    /// Kernels and requests: the workload; counters: the value's name; other kinds: empty.
    public var workload: String
    /// Start (clipped to the recorded window).
    public var start: Instant
    /// Length (clipped to the recorded window); zero for preemptions and counters.
    public var duration: SimDuration
    /// Counters: the value; other kinds: nil.
    public var value: Double?

    /// Creates an event.
    public init(kind: Kind, domain: SliceDomain, container: ContainerID, workload: String = "", start: Instant,
                duration: SimDuration, value: Double? = nil) {
        self.kind = kind
        self.domain = domain
        self.container = container
        self.workload = workload
        self.start = start
        self.duration = duration
        self.value = value
    }
}
