/// A workload, described as a value (DESIGN §8); ``WorkloadGenerator`` turns it into events.
public enum GeneratorSpec: Sendable, Equatable {
    /// An online inference service.
    case inference(InferenceServiceSpec)
    /// An offline training job.
    case training(TrainingJobSpec)
    /// Data processing or model development: bursty, low-duty, interactive.
    case interactive(InteractiveJobSpec)
    /// Render frames at a target rate.
    case render(RenderSpec)
    /// Video streams through NVENC/NVDEC.
    case codec(CodecSpec)

    /// The workload's name.
    public var name: String {
        switch self {
        case .inference(let s): s.name
        case .training(let s): s.name
        case .interactive(let s): s.name
        case .render(let s): s.name
        case .codec(let s): s.name
        }
    }
}

/// An online inference service: arrivals, batching and its SLA (DESIGN §8).
///
/// The generator emits the request arrivals; batching and latency (L(b, f)) are the simulator's.
public struct InferenceServiceSpec: Sendable, Equatable {
    /// Service name.
    public var name: String
    /// How requests arrive.
    public var arrivals: ArrivalProcess
    /// Largest batch.
    public var maxBatch: Int
    /// Longest a request waits for its batch to fill, seconds.
    public var maxWait: Double
    /// SLA: p99 latency target, seconds.
    public var p99Target: Double

    /// Creates a service description.
    public init(name: String, arrivals: ArrivalProcess, maxBatch: Int = 32, maxWait: Double = 0.005,
                p99Target: Double = 0.050) {
        self.name = name
        self.arrivals = arrivals
        self.maxBatch = maxBatch
        self.maxWait = maxWait
        self.p99Target = p99Target
    }
}

/// An offline training job: iterations, checkpoints and restart cost (DESIGN §8).
///
/// Iteration work varies by a lognormal factor with coefficient of variation `iterationCV`.
/// Event times assume the job runs alone at full speed; the simulator re-times iterations by
/// issuing the next one when the previous completes.
public struct TrainingJobSpec: Sendable, Equatable {
    /// Job name.
    public var name: String
    /// Submission time, seconds.
    public var submitTime: Double
    /// Number of iterations.
    public var iterations: Int
    /// Mean GPU work per iteration, seconds at full speed.
    public var iterationWork: Double
    /// Coefficient of variation of iteration work (0 = constant).
    public var iterationCV: Double
    /// SM share an iteration's kernels can use.
    public var smFraction: Double
    /// A checkpoint after every this many iterations (0 = never).
    public var checkpointEvery: Int
    /// Time a checkpoint takes, seconds.
    public var checkpointSeconds: Double
    /// Time to restart from the last checkpoint after an eviction, seconds.
    public var restartSeconds: Double

    /// Creates a training job description.
    public init(name: String, submitTime: Double = 0, iterations: Int, iterationWork: Double,
                iterationCV: Double = 0.05, smFraction: Double = 1, checkpointEvery: Int = 0,
                checkpointSeconds: Double = 0, restartSeconds: Double = 0) {
        self.name = name
        self.submitTime = submitTime
        self.iterations = iterations
        self.iterationWork = iterationWork
        self.iterationCV = iterationCV
        self.smFraction = smFraction
        self.checkpointEvery = checkpointEvery
        self.checkpointSeconds = checkpointSeconds
        self.restartSeconds = restartSeconds
    }

    /// A job whose length at full speed is `runtime` seconds (e.g. drawn from the Philly runtimes).
    public static func lasting(_ runtime: Double, name: String, iterationWork: Double = 1,
                               checkpointEvery: Int = 0, checkpointSeconds: Double = 0,
                               restartSeconds: Double = 0) -> TrainingJobSpec {
        TrainingJobSpec(name: name, iterations: max(1, Int((runtime / iterationWork).rounded())),
                        iterationWork: iterationWork, checkpointEvery: checkpointEvery,
                        checkpointSeconds: checkpointSeconds, restartSeconds: restartSeconds)
    }
}

/// Data processing or model development: bursts of GPU work separated by think times (DESIGN §8).
///
/// Burst work and think time are exponential with the given means, so the duty cycle is about
/// burstWork / (burstWork + thinkTime).
public struct InteractiveJobSpec: Sendable, Equatable {
    /// Which kind of interactive job.
    public enum Kind: String, Sendable, Equatable {
        /// Offline data processing (feature extraction, ETL on GPU).
        case dataProcessing = "data-processing"
        /// Notebook-style model development.
        case modelDevelopment = "model-development"
    }

    /// Job name.
    public var name: String
    /// The kind.
    public var kind: Kind
    /// Session start, seconds.
    public var start: Double
    /// Session length, seconds.
    public var duration: Double
    /// Mean GPU work per burst, seconds.
    public var burstWork: Double
    /// Mean think time between bursts, seconds.
    public var thinkTime: Double
    /// SM share a burst can use.
    public var smFraction: Double

    /// Creates an interactive job description.
    public init(name: String, kind: Kind, start: Double = 0, duration: Double, burstWork: Double,
                thinkTime: Double, smFraction: Double = 1) {
        self.name = name
        self.kind = kind
        self.start = start
        self.duration = duration
        self.burstWork = burstWork
        self.thinkTime = thinkTime
        self.smFraction = smFraction
    }

    /// Defaults for a data-processing job (30 s bursts, 120 s gaps: ≈20% duty) (L).
    public static func dataProcessing(name: String, duration: Double) -> InteractiveJobSpec {
        InteractiveJobSpec(name: name, kind: .dataProcessing, duration: duration, burstWork: 30, thinkTime: 120)
    }

    /// Defaults for a model-development session (5 s bursts, 60 s think time: ≈8% duty) (L).
    public static func modelDevelopment(name: String, duration: Double) -> InteractiveJobSpec {
        InteractiveJobSpec(name: name, kind: .modelDevelopment, duration: duration, burstWork: 5,
                           thinkTime: 60, smFraction: 0.5)
    }

    /// Expected duty cycle burstWork / (burstWork + thinkTime).
    public var expectedDuty: Double { burstWork / (burstWork + thinkTime) }
}

/// A render stream: frames due at `fps` (DESIGN §8).
public struct RenderSpec: Sendable, Equatable {
    /// Stream name.
    public var name: String
    /// Frames per second.
    public var fps: Double
    /// GPU work per frame, seconds at full speed.
    public var frameWork: Double
    /// First frame, seconds.
    public var start: Double
    /// Stream length, seconds.
    public var duration: Double

    /// Creates a render stream description.
    public init(name: String, fps: Double = 60, frameWork: Double = 0.008, start: Double = 0, duration: Double) {
        self.name = name
        self.fps = fps
        self.frameWork = frameWork
        self.start = start
        self.duration = duration
    }
}

/// Video streams through a codec engine: each stream delivers frames at `fps` (DESIGN §8).
///
/// Streams start at random phases within one frame interval (seeded), as independent cameras
/// or uploads would.
public struct CodecSpec: Sendable, Equatable {
    /// Workload name (streams are `name#k`).
    public var name: String
    /// Number of streams.
    public var streams: Int
    /// Frames per second per stream.
    public var fps: Double
    /// Engine time per frame, seconds (1080p H.264 ≈ 1/500 s on one V100 NVENC, DESIGN §4 (L)).
    public var frameWork: Double
    /// Encode or decode.
    public var engine: CodecEngine
    /// Start, seconds.
    public var start: Double
    /// Length, seconds.
    public var duration: Double

    /// Creates a codec workload description.
    public init(name: String, streams: Int, fps: Double = 30, frameWork: Double = 0.002,
                engine: CodecEngine = .encode, start: Double = 0, duration: Double) {
        self.name = name
        self.streams = streams
        self.fps = fps
        self.frameWork = frameWork
        self.engine = engine
        self.start = start
        self.duration = duration
    }
}
