/// An impossible simulation configuration: `field` names the offending setting (a dotted path
/// such as `containers[1].workloads[0].inFlight`).
public struct SimulationConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The offending setting.
    public var field: String
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
