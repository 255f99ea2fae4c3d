import Foundation
import Yams

/// The prologue every scenario loader shares: reading the file as UTF-8 text and composing its YAML
/// into a root ``MappingReader`` (with a fresh ``LineIndex``), read and YAML problems mapped to
/// ``ScenarioError``.
enum ScenarioDocument {
    /// How much a loader says about a file it cannot read or parse.
    enum Diagnostics {
        /// One message for an unreadable or non-UTF-8 file; YAML errors as Yams prints them.
        case brief
        /// Unreadable and non-UTF-8 files told apart; YAML errors with their line and problem, and a
        /// duplicate key named with the line of its second occurrence.
        case detailed
    }

    /// The text of the scenario file at `path`.
    static func text(atPath path: String, _ diagnostics: Diagnostics) throws -> String {
        let data = FileManager.default.contents(atPath: path)
        if let data, let text = String(data: data, encoding: .utf8) { return text }
        let message = switch diagnostics {
        case .brief: "cannot read the scenario file as UTF-8 text"
        case .detailed: data == nil ? "cannot read the scenario file" : "the scenario file is not UTF-8 text"
        }
        throw ScenarioError(file: path, line: data.map { UTF8Lines.firstInvalidLine(in: [UInt8]($0)) }, field: nil, message)
    }

    /// A reader over the root of `yaml`; `file` names it in errors.
    static func root(yaml: String, file: String, _ diagnostics: Diagnostics) throws -> MappingReader {
        let root: Node
        do {
            guard let n = try Yams.compose(yaml: yaml) else {
                throw ScenarioError(file: file, line: 1, field: nil, "the scenario file is empty")
            }
            root = n
        } catch let e as ScenarioError {
            throw e
        } catch let YamlError.duplicatedKeysInMapping(duplicates, _) where diagnostics == .detailed {
            let key = duplicates.first ?? "?"
            // Flow mappings (`{a: 1, a: 2}`) defeat the indentation scan: then the first line naming the key.
            let line = lineOfSecondOccurrence(of: key, in: yaml)
                ?? yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(key + ":") }.map { $0 + 1 }
                ?? 1
            throw ScenarioError(file: file, line: line, field: key, "duplicate key '\(key)' in one mapping")
        } catch let e as YamlError where diagnostics == .detailed {
            throw ScenarioError(file: file, line: line(of: e) ?? 1, field: nil, "not valid YAML: \(problem(of: e))")
        } catch let e as YamlError {
            throw ScenarioError(file: file, line: line(of: e) ?? 1, field: nil, "not valid YAML: \(e)")
        } catch {
            throw ScenarioError(file: file, line: 1, field: nil, "not valid YAML: \(error)")
        }
        return try MappingReader(root, path: "", file: file, index: LineIndex())
    }

    /// The line where `key` appears as a mapping key for the second time at one indentation (best effort).
    static func lineOfSecondOccurrence(of key: String, in yaml: String) -> Int? {
        var seen: [Int: Int] = [:]  // column of a mapping's keys → occurrences of `key` there
        for (i, raw) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var column = raw.prefix { $0 == " " }.count
            var rest = raw.dropFirst(column)
            if rest.isEmpty || rest.hasPrefix("#") { continue }
            for k in seen.keys where k > column { seen[k] = nil }
            while rest.hasPrefix("- ") {  // a list item starts a new mapping two columns in
                column += 2
                rest = rest.dropFirst(2)
                for k in seen.keys where k >= column { seen[k] = nil }
            }
            if rest.hasPrefix(key + ":") {
                seen[column, default: 0] += 1
                if seen[column] == 2 { return i + 1 }
            }
        }
        return nil
    }

    /// The line a Yams scanner, parser or composer error points at.
    static func line(of e: YamlError) -> Int? {
        switch e {
        case .scanner(_, _, let m, _), .parser(_, _, let m, _), .composer(_, _, let m, _): return m.line
        case .reader(_, let offset?, _, let yaml):
            // The reader counts its offset in bytes of the UTF-8 text.
            return yaml.utf8.prefix(offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        default: return nil
        }
    }

    /// What a Yams scanner, parser or composer error says is wrong.
    static func problem(of e: YamlError) -> String {
        switch e {
        case .scanner(_, let p, _, _), .parser(_, let p, _, _), .composer(_, let p, _, _): return p
        case .reader(let p, _, let value, _): return "\(p) (character code \(value))"
        default: return "\(e)"
        }
    }
}
