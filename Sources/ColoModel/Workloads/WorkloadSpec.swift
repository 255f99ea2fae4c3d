import SimEngine

/// One workload of a container: what it runs, when, and its latency target.
public struct WorkloadSpec: Hashable, Codable, Sendable {
    /// The shape of a workload.
    public enum Kind: Hashable, Codable, Sendable {
        /// Kernel launches (open or closed loop).
        case kernels(KernelStreamSpec)
        /// Batched online inference.
        case inference(InferenceSpec)
        /// Render frames.
        case render(RenderSpec)
        /// Video encode/decode frames.
        case codec(CodecStreamSpec)
        /// Device memory allocations.
        case memory(MemorySpec)

        /// A short name for reports: `kernels`, `inference`, `render`, `codec`, `memory`.
        public var label: String {
            switch self {
            case .kernels: return "kernels"
            case .inference: return "inference"
            case .render: return "render"
            case .codec: return "codec"
            case .memory: return "memory"
            }
        }
    }

    /// Name, unique within the simulation.
    public var name: String
    /// What it runs.
    public var kind: Kind
    /// Class of its launches (nil: the container's).
    public var priority: PriorityClass?
    /// Request latency target for SLA attainment (nil: none).
    public var latencySLA: SimDuration?
    /// When it starts, from the run start.
    public var start: SimDuration
    /// When it stops issuing new requests (nil: the end of the run).
    public var stop: SimDuration?

    /// Creates a workload.
    public init(name: String, kind: Kind, priority: PriorityClass? = nil, latencySLA: SimDuration? = nil,
                start: SimDuration = .zero, stop: SimDuration? = nil) {
        self.name = name
        self.kind = kind
        self.priority = priority
        self.latencySLA = latencySLA
        self.start = start
        self.stop = stop
    }
}
