/// Why a JSON value is not the quantity expected (see ``K8sQuantity``).
public struct K8sQuantityProblem: Error, Sendable, Hashable {
    /// What is wrong.
    public var message: String

    /// Creates a problem.
    public init(_ message: String) { self.message = message }
}
