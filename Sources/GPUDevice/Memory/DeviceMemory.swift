import ColoModel

/// Device memory: capacity, bytes held per container and per-container quotas (DESIGN §4).
public struct DeviceMemory: Hashable, Sendable {
    /// Capacity in bytes.
    public let capacity: Int64
    /// Bytes held, all containers.
    public private(set) var used: Int64 = 0
    /// Bytes held per container.
    public private(set) var usedBy: [ContainerID: Int64] = [:]
    /// Peak bytes held per container.
    public private(set) var peakBy: [ContainerID: Int64] = [:]
    /// Quotas set by the isolation engine.
    public private(set) var quota: [ContainerID: Int64] = [:]

    /// Creates an empty memory of `capacity` bytes.
    public init(capacity: Int64) { self.capacity = capacity }

    /// Sets (or clears, with nil) `container`'s quota.
    public mutating func setQuota(_ bytes: Int64?, for container: ContainerID) { quota[container] = bytes }

    /// Grants `request` if it fits both the device and the container's quota.
    public mutating func allocate(_ request: MemoryRequest) -> MemoryDecision {
        let mine = usedBy[request.container, default: 0]
        if let q = quota[request.container], mine + request.bytes > q {
            return .quotaExceeded(quotaBytes: q, usedBytes: mine)
        }
        if used + request.bytes > capacity { return .deviceOutOfMemory(freeBytes: capacity - used) }
        used += request.bytes
        usedBy[request.container] = mine + request.bytes
        peakBy[request.container] = max(peakBy[request.container, default: 0], mine + request.bytes)
        return .granted
    }

    /// Returns `bytes` held by `container` (never below zero).
    public mutating func free(_ bytes: Int64, of container: ContainerID) {
        let mine = usedBy[container, default: 0]
        let n = min(bytes, mine)
        usedBy[container] = mine - n
        used -= n
    }
}
