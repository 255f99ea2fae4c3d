import SimEngine

/// A stream of video frames for NVENC or NVDEC.
///
/// With `framesPerSecond` nil the stream is kept fed (`inFlight` frames queued at all times).
/// `frameWork` nil means one 1080p H.264 frame at the profile's per-engine rate.
public struct CodecStreamSpec: Hashable, Codable, Sendable {
    /// `.nvenc` or `.nvdec`.
    public var engine: EngineKind
    /// Target frame rate; nil = as fast as possible.
    public var framesPerSecond: Double?
    /// Engine time per frame; nil = the profile's 1080p H.264 time.
    public var frameWork: SimDuration?
    /// Frames queued at once.
    public var inFlight: Int

    /// Creates a codec stream.
    public init(engine: EngineKind, framesPerSecond: Double? = nil, frameWork: SimDuration? = nil,
                inFlight: Int = 4) {
        self.engine = engine
        self.framesPerSecond = framesPerSecond
        self.frameWork = frameWork
        self.inFlight = inFlight
    }
}
