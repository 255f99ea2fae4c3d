/// One unit of work a generator emits, with the emitting workload's name.
///
/// Work is in seconds of GPU time at full speed on the reference device (the device model scales
/// it); `smFraction` is the share of SMs the work can use (its parallelism cap, DESIGN §4).
public enum WorkloadItem: Sendable, Equatable {
    /// An inference request to an online service (tokens when the trace gives them).
    case request(service: String, index: Int, contextTokens: Int?, generatedTokens: Int?)
    /// A training iteration; `checkpointAfter` marks the iterations followed by a checkpoint.
    case trainingIteration(job: String, index: Int, work: Double, smFraction: Double, checkpointAfter: Bool)
    /// A burst of GPU work of a data-processing or model-development session.
    case gpuBurst(job: String, index: Int, work: Double, smFraction: Double)
    /// A render frame (graphics context) due at the event time.
    case renderFrame(stream: String, index: Int, work: Double)
    /// A video frame for an NVENC/NVDEC engine.
    case codecFrame(stream: String, index: Int, engine: CodecEngine, work: Double)
}

/// Which video engine a codec frame needs.
public enum CodecEngine: String, Sendable, Equatable, CaseIterable {
    /// NVENC (encode).
    case encode
    /// NVDEC (decode).
    case decode
}

/// A generator's output: an item and when it is released, seconds from the workload's time 0.
public struct WorkloadEvent: Sendable, Equatable {
    /// Release time, seconds.
    public var time: Double
    /// The work released.
    public var item: WorkloadItem

    /// Creates an event.
    public init(time: Double, item: WorkloadItem) {
        self.time = time
        self.item = item
    }
}
