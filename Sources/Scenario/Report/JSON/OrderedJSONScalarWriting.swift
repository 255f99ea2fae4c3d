/// Writes scalars into a node (the shared part of the three containers).
protocol OrderedJSONScalarWriting {}

extension OrderedJSONScalarWriting {
    static func text(_ v: Bool) -> String { v ? "true" : "false" }
    static func text(_ v: Double) -> String { OrderedJSONEncoder.number(v) }
    static func text<I: BinaryInteger>(_ v: I) -> String { String(v) }
}
