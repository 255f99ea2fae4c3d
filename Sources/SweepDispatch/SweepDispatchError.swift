/// A distributed-sweep plan that cannot be made: a shard count out of range, a path a batch system
/// cannot take. The message names the flag at fault and what was expected.
public struct SweepDispatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The flag or field at fault, e.g. `--shards`.
    public var field: String
    /// What is wrong and what was expected.
    public var message: String

    /// An error about `field`.
    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
