/// A string coding key (for objects whose keys are data, such as per-engine shares).
public struct OrderedJSONKey: CodingKey, Sendable {
    /// The key text.
    public var stringValue: String
    /// Always nil: these keys are names.
    public var intValue: Int? { nil }
    /// A key named `name`.
    public init(_ name: String) { stringValue = name }
    /// A key named `stringValue`.
    public init?(stringValue: String) { self.stringValue = stringValue }
    /// A key named by the decimal digits of `intValue`.
    public init?(intValue: Int) { stringValue = String(intValue) }
}
