/// The keyed container of ``OrderedJSONEncoding``: members appended to an object node in encoding order.
struct OrderedJSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol, OrderedJSONScalarWriting {
    let node: OrderedJSONNode
    var codingPath: [any CodingKey]

    private func put(_ text: String, _ key: Key) { node.child(forKey: key.stringValue).content = .scalar(text) }

    mutating func encodeNil(forKey key: Key) throws { put("null", key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(Self.text(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(OrderedJSONEncoder.quoted(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(Self.text(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(Self.text(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(Self.text(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(Self.text(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(Self.text(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(Self.text(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(Self.text(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(Self.text(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(Self.text(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(Self.text(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(Self.text(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(Self.text(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try value.encode(to: OrderedJSONEncoding(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        OrderedJSONEncoding(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
            .container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        OrderedJSONEncoding(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        OrderedJSONEncoding(node: node.child(forKey: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        OrderedJSONEncoding(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}
