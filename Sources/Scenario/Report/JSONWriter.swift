/// A minimal JSON writer with keys in insertion order and deterministic number formatting.
final class JSONWriter {
    private(set) var text = ""
    private var needComma: [Bool] = [false]

    private func separate() {
        if needComma[needComma.count - 1] { text += "," }
        needComma[needComma.count - 1] = true
    }

    func key(_ k: String) {
        separate()
        text += Self.quoted(k) + ":"
        needComma[needComma.count - 1] = false
        pendingKey = true
    }

    private var pendingKey = false

    private func value(_ v: String) {
        if pendingKey { pendingKey = false; needComma[needComma.count - 1] = true } else { separate() }
        text += v
    }

    func string(_ s: String) { value(Self.quoted(s)) }
    func int(_ i: Int) { value(String(i)) }
    func uint(_ i: UInt64) { value(String(i)) }
    func number(_ d: Double?) {
        guard let d, d.isFinite else { value("null"); return }
        value(d == d.rounded() && abs(d) < 1e15 ? "\(Int64(d)).0" : "\(d)")
    }

    func object(_ body: () -> Void) {
        value("{")
        needComma.append(false)
        body()
        needComma.removeLast()
        text += "}"
    }

    func array<T>(_ items: [T], _ each: (T) -> Void) {
        value("[")
        needComma.append(false)
        for i in items { each(i) }
        needComma.removeLast()
        text += "]"
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
