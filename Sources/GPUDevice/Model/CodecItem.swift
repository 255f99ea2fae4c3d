import ColoModel
import SimEngine

/// One codec frame on an NVENC/NVDEC domain: queued or on an engine.
public struct CodecItem: Hashable, Sendable {
    /// Caller-chosen identity.
    public let id: UInt64
    /// The container it belongs to.
    public let container: ContainerID
    /// The scheduling context it runs in.
    public let context: ContainerID
    /// The frame.
    public let frame: CodecFrame
    /// Engine time left, in nanoseconds.
    public internal(set) var remaining: Double
    /// Whether it holds an engine now.
    public internal(set) var running: Bool = false

    init(id: UInt64, container: ContainerID, context: ContainerID, frame: CodecFrame) {
        self.id = id
        self.container = container
        self.context = context
        self.frame = frame
        self.remaining = Double(frame.work.nanoseconds)
    }
}
