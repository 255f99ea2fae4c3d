import SimEngine
import Yams

/// Reads one YAML mapping against a schema: typed accessors record which keys the schema knows, and
/// ``finish()`` rejects any other key with its file and line (Yams' Codable decoding would silently
/// ignore it, see SWIFT-NOTES.md).
struct MappingReader {
    /// The scenario file (for errors).
    let file: String
    /// Dotted path of this mapping ("" at the root).
    let path: String
    /// Line of the mapping itself.
    let line: Int?
    private var pairs: [(key: String, keyLine: Int?, value: Node)] = []
    private var known: [String] = []
    /// Lines of every field read, by dotted path, shared by all readers of one file.
    let index: LineIndex

    /// Wraps `node`, which must be a mapping with scalar, unique keys.
    init(_ node: Node, path: String, file: String, index: LineIndex) throws {
        self.file = file
        self.path = path
        self.index = index
        index.lines[path] = node.mark?.line
        line = node.mark?.line
        guard let m = node.mapping else {
            throw ScenarioError(file: file, line: node.mark?.line, field: path.isEmpty ? nil : path,
                                "expected a mapping (key: value lines), got \(Self.describe(node))")
        }
        var seen = Set<String>()
        for (k, v) in m {
            guard let key = k.scalar?.string else {
                throw ScenarioError(file: file, line: k.mark?.line, field: path.isEmpty ? nil : path, "keys must be plain strings")
            }
            if !seen.insert(key).inserted {
                throw ScenarioError(file: file, line: k.mark?.line, field: field(key), "duplicate key '\(key)'")
            }
            pairs.append((key, k.mark?.line, v))
        }
    }

    /// The dotted path of `key` in this mapping.
    func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// An error at `key` (its line if present, else the mapping's line).
    func error(_ key: String, _ message: String) -> ScenarioError {
        let l = pairs.first { $0.key == key }.map { $0.value.mark?.line ?? $0.keyLine } ?? line
        return ScenarioError(file: file, line: l ?? line, field: field(key), message)
    }

    /// Whether `key` is present.
    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    /// The raw node of `key`, recording the key as known.
    mutating func node(_ key: String) -> Node? {
        if !known.contains(key) { known.append(key) }
        guard let p = pairs.first(where: { $0.key == key }) else { return nil }
        index.lines[field(key)] = p.keyLine
        return p.value
    }

    static func describe(_ n: Node) -> String {
        switch n {
        case .scalar(let s): return "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private mutating func scalar(_ key: String, _ expected: String) throws -> Node.Scalar? {
        guard let n = node(key) else { return nil }
        guard let s = n.scalar else { throw error(key, "expected \(expected), got \(Self.describe(n))") }
        if n.null != nil && s.style == .plain && (s.string.isEmpty || s.string == "~" || s.string == "null") {
            throw error(key, "expected \(expected), got nothing")
        }
        return s
    }

    /// A string value.
    mutating func string(_ key: String, required: Bool = false) throws -> String? {
        guard let s = try scalar(key, "a string") else {
            if required { throw missing(key) }
            return nil
        }
        return s.string
    }

    /// One of `choices` (case-insensitive), returned as written in `choices`.
    mutating func choice(_ key: String, _ choices: [String], required: Bool = false) throws -> String? {
        guard let s = try string(key, required: required) else { return nil }
        guard let c = choices.first(where: { $0.lowercased() == s.lowercased() }) else {
            throw error(key, "expected one of \(choices.joined(separator: ", ")), got '\(s)'")
        }
        return c
    }

    /// A number (integer or decimal), optionally within bounds, and always within the limit of the
    /// unit its key names (``InputLimits/rule(forKey:)``: `*_s`, `*_ms`, `*_us`, rates, weights).
    mutating func double(_ key: String, required: Bool = false, min: Double? = nil, max: Double? = nil,
                         minExclusive: Bool = false) throws -> Double? {
        guard let n = node(key) else {
            if required { throw missing(key) }
            return nil
        }
        guard n.scalar != nil, let v = n.float, v.isFinite else {
            throw error(key, "expected a number, got \(Self.describe(n))")
        }
        if let lo = min {
            if minExclusive && !(v > lo) { throw error(key, "must be > \(Self.format(lo)), got \(Self.format(v))") }
            if !minExclusive && v < lo { throw error(key, "must be ≥ \(Self.format(lo)), got \(Self.format(v))") }
        }
        if let hi = max, v > hi { throw error(key, "must be ≤ \(Self.format(hi)), got \(Self.format(v))") }
        if let problem = InputLimits.rule(forKey: key).problem(v) { throw error(key, problem) }
        return v
    }

    /// Refuses `key` when `span / step` exceeds `limit` (a step so small against the run that the
    /// run would not end): the budget check for cluster time steps and iteration counts.
    func checkSteps(_ key: String, span: Double, step: Double, limit: Double = InputLimits.maxClusterSteps,
                    noun: String = "steps") throws {
        guard step > 0, span / step <= limit else {
            throw error(key, "\(Self.format(span)) / \(Self.format(step)) gives more than \(Self.format(limit)) \(noun) (colosim's limit, docs/limits.md); use a larger value")
        }
    }

    /// A seed: a whole number from 0 to UInt64.max.
    mutating func seed(_ key: String) throws -> UInt64? {
        guard let n = node(key) else { return nil }
        guard let s = n.scalar else { throw error(key, "expected a whole number, got \(Self.describe(n))") }
        do {
            return try CheckedNumber.seed(s.string)
        } catch {
            throw self.error(key, error.message)
        }
    }

    /// A whole number, optionally within bounds; without `max`, at most
    /// ``InputLimits/maxInteger(forKey:)`` in magnitude.
    mutating func int(_ key: String, required: Bool = false, min: Int? = nil, max: Int? = nil) throws -> Int? {
        guard let n = node(key) else {
            if required { throw missing(key) }
            return nil
        }
        guard n.scalar != nil, let v = n.int else { throw error(key, "expected a whole number, got \(Self.describe(n))") }
        if let lo = min, v < lo { throw error(key, "must be ≥ \(lo), got \(v)") }
        if let hi = max, v > hi { throw error(key, "must be ≤ \(hi), got \(v)") }
        let cap = InputLimits.maxInteger(forKey: key)
        if max == nil, v > cap { throw error(key, "must be ≤ \(cap) (colosim's limit, docs/limits.md), got \(v)") }
        if v < -cap { throw error(key, "must be ≥ -\(cap) (colosim's limit, docs/limits.md), got \(v)") }
        return v
    }

    /// A list of numbers, each within bounds and the limit of the unit its key names (an element that
    /// is not a number, or out of bounds, is named by its index). O(n).
    mutating func doubles(_ key: String, min: Double? = nil, max: Double? = nil) throws -> [Double]? {
        guard let items = try sequence(key) else { return nil }
        var out: [Double] = []
        out.reserveCapacity(items.count)
        let rule = InputLimits.rule(forKey: key)
        for (i, n) in items.enumerated() {
            guard n.scalar != nil, let v = n.float, v.isFinite else {
                throw error(key, "element \(i): expected a number, got \(Self.describe(n))")
            }
            if let lo = min, v < lo { throw error(key, "element \(i): must be ≥ \(Self.format(lo)), got \(Self.format(v))") }
            if let hi = max, v > hi { throw error(key, "element \(i): must be ≤ \(Self.format(hi)), got \(Self.format(v))") }
            if let problem = rule.problem(v) { throw error(key, "element \(i): \(problem)") }
            out.append(v)
        }
        return out
    }

    /// A boolean (`true` / `false`).
    mutating func bool(_ key: String) throws -> Bool? {
        guard let n = node(key) else { return nil }
        guard n.scalar != nil, let v = n.bool else { throw error(key, "expected true or false, got \(Self.describe(n))") }
        return v
    }

    /// A nested mapping.
    mutating func mapping(_ key: String, required: Bool = false) throws -> MappingReader? {
        guard let n = node(key) else {
            if required { throw missing(key) }
            return nil
        }
        return try MappingReader(n, path: field(key), file: file, index: index)
    }

    /// A list of nodes.
    mutating func sequence(_ key: String, required: Bool = false) throws -> [Node]? {
        guard let n = node(key) else {
            if required { throw missing(key) }
            return nil
        }
        guard let s = n.sequence else { throw error(key, "expected a list, got \(Self.describe(n))") }
        return Array(s)
    }

    func missing(_ key: String) -> ScenarioError {
        ScenarioError(file: file, line: line, field: field(key), "required key '\(key)' is missing")
    }

    /// Rejects keys the schema did not ask for (typos included), naming the known ones.
    func finish() throws {
        for p in pairs where !known.contains(p.key) {
            let close = known.filter { Self.distance($0, p.key) <= 2 }
            var msg = "unknown key '\(p.key)'"
            if let c = close.first { msg += " (did you mean '\(c)'?)" }
            msg += "; known keys here: \(known.joined(separator: ", "))"
            throw ScenarioError(file: file, line: p.keyLine, field: field(p.key), msg)
        }
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }

    /// Levenshtein distance (small strings).
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        for i in 1...x.count {
            var cur = [i] + [Int](repeating: 0, count: y.count)
            for j in 1...y.count {
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[y.count]
    }
}
