/// One value of the document being encoded; containers fill it in place.
final class OrderedJSONNode {
    enum Content {
        /// Not yet written (prints as `null`).
        case empty
        /// A scalar, already as JSON text.
        case scalar(String)
        case array([OrderedJSONNode])
        case object([(key: String, value: OrderedJSONNode)])
    }

    var content: Content = .empty

    /// The child node for `key`, created at the end of the object (or reused when `key` is already there).
    func child(forKey key: String) -> OrderedJSONNode {
        guard case .object(var members) = content else {
            let n = OrderedJSONNode()
            content = .object([(key, n)])
            return n
        }
        if let existing = members.first(where: { $0.key == key }) {
            existing.value.content = .empty
            return existing.value
        }
        let n = OrderedJSONNode()
        members.append((key, n))
        content = .object(members)
        return n
    }

    /// A new child node at the end of the array.
    func appendChild() -> OrderedJSONNode {
        var items: [OrderedJSONNode] = []
        if case .array(let existing) = content { items = existing }
        let n = OrderedJSONNode()
        items.append(n)
        content = .array(items)
        return n
    }

    /// Makes this node an object (keeping its members when it is one).
    func makeObject() { if case .object = content {} else { content = .object([]) } }
    /// Makes this node an array (keeping its items when it is one).
    func makeArray() { if case .array = content {} else { content = .array([]) } }

    func write(to out: inout String) {
        switch content {
        case .empty: out += "null"
        case .scalar(let s): out += s
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, m) in members.enumerated() {
                if i > 0 { out += "," }
                out += OrderedJSONEncoder.quoted(m.key) + ":"
                m.value.write(to: &out)
            }
            out += "}"
        }
    }
}
