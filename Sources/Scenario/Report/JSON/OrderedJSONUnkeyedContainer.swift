/// The unkeyed container of ``OrderedJSONEncoding``: items appended to an array node.
struct OrderedJSONUnkeyedContainer: UnkeyedEncodingContainer, OrderedJSONScalarWriting {
    let node: OrderedJSONNode
    var codingPath: [any CodingKey]
    private(set) var count = 0

    init(node: OrderedJSONNode, codingPath: [any CodingKey]) {
        self.node = node
        self.codingPath = codingPath
        if case .array(let items) = node.content { count = items.count }
    }

    private mutating func next() -> OrderedJSONNode {
        count += 1
        return node.appendChild()
    }

    private mutating func put(_ text: String) { next().content = .scalar(text) }

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
        let index = OrderedJSONKey(String(count))
        try value.encode(to: OrderedJSONEncoding(node: next(), codingPath: codingPath + [index]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let index = OrderedJSONKey(String(count))
        return OrderedJSONEncoding(node: next(), codingPath: codingPath + [index]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let index = OrderedJSONKey(String(count))
        return OrderedJSONEncoding(node: next(), codingPath: codingPath + [index]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        OrderedJSONEncoding(node: next(), codingPath: codingPath)
    }
}
