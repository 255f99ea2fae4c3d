/// A device-memory allocation request: `bytes` held by a container until freed (DESIGN §4).
public struct MemoryRequest: Hashable, Codable, Sendable {
    /// The requesting container.
    public var container: ContainerID
    /// Bytes requested.
    public var bytes: Int64

    /// Creates an allocation request.
    public init(container: ContainerID, bytes: Int64) {
        self.container = container
        self.bytes = bytes
    }
}
