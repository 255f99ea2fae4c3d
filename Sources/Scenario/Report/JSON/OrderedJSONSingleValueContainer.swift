/// The single-value container of ``OrderedJSONEncoding``: one scalar written into its node.
struct OrderedJSONSingleValueContainer: SingleValueEncodingContainer, OrderedJSONScalarWriting {
    let node: OrderedJSONNode
    var codingPath: [any CodingKey]

    private func put(_ text: String) { node.content = .scalar(text) }

    mutating func encodeNil() throws { put("null") }
    mutating func encode(_ value: Bool) throws { put(Self.text(value)) }
    mutating func encode(_ value: String) throws { put(OrderedJSONEncoder.quoted(value)) }
    mutating func encode(_ value: Double) throws { put(Self.text(value)) }
    mutating func encode(_ value: Float) throws { put(Self.text(Double(value))) }
    mutating func encode(_ value: Int) throws { put(Self.text(value)) }
    mutating func encode(_ value: Int8) throws { put(Self.text(value)) }
    mutating func encode(_ value: Int16) throws { put(Self.text(value)) }
    mutating func encode(_ value: Int32) throws { put(Self.text(value)) }
    mutating func encode(_ value: Int64) throws { put(Self.text(value)) }
    mutating func encode(_ value: UInt) throws { put(Self.text(value)) }
    mutating func encode(_ value: UInt8) throws { put(Self.text(value)) }
    mutating func encode(_ value: UInt16) throws { put(Self.text(value)) }
    mutating func encode(_ value: UInt32) throws { put(Self.text(value)) }
    mutating func encode(_ value: UInt64) throws { put(Self.text(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: OrderedJSONEncoding(node: node, codingPath: codingPath))
    }
}
