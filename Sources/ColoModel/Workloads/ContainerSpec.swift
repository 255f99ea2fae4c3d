import SimEngine

/// One container on the GPU: its identity, class, share settings and workloads.
public struct ContainerSpec: Hashable, Codable, Sendable {
    /// Identity (unique within a simulation).
    public var id: ContainerID
    /// Name for reports.
    public var name: String
    /// Service class.
    public var priority: PriorityClass
    /// Configured share weight (kernel mode) — reported as the configured share w / ΣW.
    public var weight: Double
    /// Configured compute limit in percent (user mode), nil = unlimited.
    public var limitPercent: Double?
    /// Device memory quota in bytes (set by the isolation engine), nil = no quota.
    public var memoryQuotaBytes: Int64?
    /// What it runs.
    public var workloads: [WorkloadSpec]
    /// When its process starts, from the run start: the CUDA initialisation that attaches it to the
    /// launch gate (HAMi-core starts its utilization watcher there). Nil: its first workload's start.
    public var processStart: SimDuration? = nil
    /// The container whose host pid this container's HAMi-core took (its own id: its own pid), as
    /// decided by whoever started the processes (a cluster run decides the race when pods start on a
    /// GPU); an id no container has reads a pid that is gone (utilization 0). Nil: the user-mode
    /// engine's race at attach decides. Only the user-mode engine reads it.
    public var hostPidOf: ContainerID? = nil

    /// When the process starts: ``processStart``, else its first workload's start, else 0.
    /// O(workloads).
    public var effectiveProcessStart: SimDuration {
        processStart ?? workloads.map(\.start).min() ?? .zero
    }

    /// Creates a container.
    public init(id: ContainerID, name: String, priority: PriorityClass = .bestEffort, weight: Double = 1,
                limitPercent: Double? = nil, memoryQuotaBytes: Int64? = nil, workloads: [WorkloadSpec]) {
        self.id = id
        self.name = name
        self.priority = priority
        self.weight = weight
        self.limitPercent = limitPercent
        self.memoryQuotaBytes = memoryQuotaBytes
        self.workloads = workloads
    }
}
