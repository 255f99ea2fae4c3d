import ColoModel
import SimEngine

/// A piece of work that finished on the device.
public struct DeviceCompletion: Hashable, Sendable {
    /// The item's identity.
    public var id: UInt64
    /// Its container.
    public var container: ContainerID
    /// Its engine kind.
    public var engine: EngineKind
}
