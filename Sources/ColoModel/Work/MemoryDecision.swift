/// The outcome of a ``MemoryRequest``.
public enum MemoryDecision: Hashable, Codable, Sendable {
    /// Granted; the device holds the bytes until freed.
    case granted
    /// Refused: the device has too little free memory (an OOM event).
    case deviceOutOfMemory(freeBytes: Int64)
    /// Refused: the container's quota would be exceeded (an OOM event).
    case quotaExceeded(quotaBytes: Int64, usedBytes: Int64)

    /// Whether the allocation was granted.
    @inlinable public var isGranted: Bool { if case .granted = self { return true } else { return false } }
}
