/// Identifies one container (one GPU context) on a device.
///
/// A plain integer so per-event bookkeeping stays cheap; names live in ``ContainerSpec``.
public struct ContainerID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The integer identity (unique within a simulation).
    public var rawValue: Int

    /// Creates the identifier `rawValue`.
    @inlinable public init(_ rawValue: Int) { self.rawValue = rawValue }

    @inlinable public static func < (a: ContainerID, b: ContainerID) -> Bool { a.rawValue < b.rawValue }

    public var description: String { "c\(rawValue)" }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
