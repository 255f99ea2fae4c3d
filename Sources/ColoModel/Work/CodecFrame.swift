import SimEngine

/// One video frame for an NVENC or NVDEC engine (DESIGN §4).
public struct CodecFrame: Hashable, Codable, Sendable {
    /// `.nvenc` or `.nvdec`.
    public var engine: EngineKind
    /// Time one engine needs for the frame.
    public var work: SimDuration

    /// Creates a codec frame.
    public init(engine: EngineKind, work: SimDuration) {
        self.engine = engine
        self.work = work
    }
}
