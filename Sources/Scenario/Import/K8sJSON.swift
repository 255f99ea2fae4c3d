import Foundation

/// Typed reads of a `JSONSerialization` tree that record bad values as ``K8sImportIssue``s with
/// their JSON path: the importer's only way into the documents (never a cast that can trap).
struct K8sJSON {
    /// The file being read.
    let file: String
    /// Issues found so far.
    var issues: [K8sImportIssue] = []
    /// Stop at the first issue.
    let stop: Bool

    /// Records an issue; throws it when the import stops at the first one.
    mutating func report(_ path: String, _ message: String) throws(K8sImportError) {
        let issue = K8sImportIssue(file: file, path: path, message)
        if stop { throw K8sImportError(issue) }
        issues.append(issue)
    }

    /// `path.key`, or `path["key"]` for keys that are not plain identifiers.
    static func child(_ path: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        return plain ? (path.isEmpty ? key : "\(path).\(key)") : "\(path)[\"\(key)\"]"
    }

    /// A short description of a JSON value's type for messages.
    static func describe(_ v: Any?) -> String {
        switch v {
        case nil, is NSNull: "null"
        case let s as String: "the string \"\(s.prefix(40))\""
        case is NSNumber: "a number"
        case is [Any]: "an array"
        case is [String: Any]: "an object"
        default: "an unknown value"
        }
    }

    /// The object at `key` of `object` (nil when absent; an issue when not an object).
    mutating func object(_ object: [String: Any], _ key: String, at path: String,
                         required: Bool = false) throws(K8sImportError) -> [String: Any]? {
        let p = Self.child(path, key)
        guard let v = object[key], !(v is NSNull) else {
            if required { try report(p, "required field '\(key)' is missing") }
            return nil
        }
        guard let o = v as? [String: Any] else {
            try report(p, "expected an object, got \(Self.describe(v))")
            return nil
        }
        return o
    }

    /// The array at `key` of `object`.
    mutating func array(_ object: [String: Any], _ key: String, at path: String,
                        required: Bool = false) throws(K8sImportError) -> [Any]? {
        let p = Self.child(path, key)
        guard let v = object[key], !(v is NSNull) else {
            if required { try report(p, "required field '\(key)' is missing") }
            return nil
        }
        guard let a = v as? [Any] else {
            try report(p, "expected an array, got \(Self.describe(v))")
            return nil
        }
        return a
    }

    /// The string at `key` of `object`.
    mutating func string(_ object: [String: Any], _ key: String, at path: String,
                         required: Bool = false) throws(K8sImportError) -> String? {
        let p = Self.child(path, key)
        guard let v = object[key], !(v is NSNull) else {
            if required { try report(p, "required field '\(key)' is missing") }
            return nil
        }
        guard let s = v as? String else {
            try report(p, "expected a string, got \(Self.describe(v))")
            return nil
        }
        return s
    }

    /// The integer at `key` of `object` (a JSON number that is whole and within `range`).
    mutating func int(_ object: [String: Any], _ key: String, at path: String,
                      range: ClosedRange<Int>) throws(K8sImportError) -> Int? {
        let p = Self.child(path, key)
        guard let v = object[key], !(v is NSNull) else { return nil }
        guard let n = v as? NSNumber, !(v is String) else {
            try report(p, "expected an integer, got \(Self.describe(v))")
            return nil
        }
        let d = n.doubleValue
        guard d.isFinite, d == d.rounded(), d >= Double(range.lowerBound), d <= Double(range.upperBound) else {
            try report(p, "expected an integer in \(range.lowerBound)…\(range.upperBound), got \(d)")
            return nil
        }
        return Int(d)
    }

    /// A `map[string]string` (labels, annotations) at `key` of `object`; non-string values are issues.
    mutating func stringMap(_ object: [String: Any], _ key: String, at path: String) throws(K8sImportError) -> [String: String] {
        guard let o = try self.object(object, key, at: path) else { return [:] }
        var out: [String: String] = [:]
        for (k, v) in o {
            guard let s = v as? String else {
                try report(Self.child(Self.child(path, key), k), "expected a string, got \(Self.describe(v))")
                continue
            }
            out[k] = s
        }
        return out
    }
}
