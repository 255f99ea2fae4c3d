import ColoModel
import SimEngine

/// One kernel or render frame on the device's SMs: queued behind its stream or running.
public struct GraphicsItem: Hashable, Sendable {
    /// Caller-chosen identity (the launch id).
    public let id: UInt64
    /// The container it belongs to (for accounting).
    public let container: ContainerID
    /// The scheduling context it runs in (the container, or its shared-context group's first member).
    public let context: ContainerID
    /// `.compute` or `.render`.
    public let engine: EngineKind
    /// Its shape.
    public let shape: KernelShape
    /// CUDA stream priority (larger = more urgent).
    public let streamPriority: Int
    /// The stream it was issued in (items of one stream run in order).
    public let stream: UInt64
    /// Whether its stream predecessor has finished.
    public internal(set) var eligible: Bool = false
    /// Order in which items became eligible (dispatch FIFO among equal priorities).
    public internal(set) var eligibleSeq: UInt64 = 0
    /// Work left, in nanoseconds at progress rate 1.
    public internal(set) var remaining: Double
    /// Share of the SMs it occupies now (rate × SM fraction before memory throttling).
    public internal(set) var smShare: Double = 0
    /// Progress per nanosecond now (after DRAM and cache effects).
    public internal(set) var progressRate: Double = 0
    /// Until when its running blocks keep `protectedShare` of the SMs against newcomers.
    public internal(set) var protectedUntil: Instant = .zero
    /// SM share its running blocks hold until `protectedUntil`.
    public internal(set) var protectedShare: Double = 0

    init(id: UInt64, container: ContainerID, context: ContainerID, engine: EngineKind, shape: KernelShape,
         streamPriority: Int, stream: UInt64) {
        self.id = id
        self.container = container
        self.context = context
        self.engine = engine
        self.shape = shape
        self.streamPriority = streamPriority
        self.stream = stream
        self.remaining = Double(shape.work.nanoseconds)
    }
}
