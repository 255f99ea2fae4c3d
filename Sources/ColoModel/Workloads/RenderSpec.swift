/// Render frames at a target rate through a graphics context (on the same SMs as compute).
///
/// With `framesPerSecond` nil the renderer is kept fed (a new frame as soon as the previous one
/// finishes, `inFlight` frames queued). Each frame is one `frame`-shaped piece of graphics work.
public struct RenderSpec: Hashable, Codable, Sendable {
    /// Target frame rate; nil = as fast as possible.
    public var framesPerSecond: Double?
    /// Shape of one frame's work.
    public var frame: KernelShape
    /// Frames queued at once (frames are dropped when a periodic frame finds the queue full).
    public var inFlight: Int

    /// Creates a render workload.
    public init(framesPerSecond: Double?, frame: KernelShape, inFlight: Int = 2) {
        self.framesPerSecond = framesPerSecond
        self.frame = frame
        self.inFlight = inFlight
    }
}
