import ArgumentParser
import Experiments
import Foundation
import ResultStore

/// `colosim runs import-json FILE`: stores run records given as JSON (one record or an array).
///
/// The format is what `colosim runs show --json` / `runs export` print, so runs can be moved
/// between databases, and tests and other tools can record runs without a simulator.
struct RunsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-json",
        abstract: "Store run records from a JSON file (as printed by `runs show --json` or `runs export`).")

    @OptionGroup var store: RunsStoreOptions

    @Argument(help: ArgumentHelp("JSON file holding one run record or an array of them.", valueName: "file"))
    var file: String

    @Flag(help: "Print nothing but errors (no progress bar).")
    var quiet = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(file: file, "cannot read the file")
        }
        let records = try RunsImportCommand.decode(data, file: file)
        let db = try store.open(create: true)
        let progress = ProgressReporter.standardError(total: records.count, label: "import",
                                                      show: ProgressDecision.shouldShow(json: false, quiet: quiet))
        var added = 0, skipped = 0
        for record in records {
            var r = record
            r.id = nil
            switch try mappingStoreErrors({ try db.insert(r) }) {
            case .inserted(let id):
                added += 1
                if !quiet && records.count <= 20 { progress.clear(); print("stored run \(id) (\(r.policy), seed \(r.seed))") }
            case .duplicate(let id):
                skipped += 1
                if !quiet && records.count <= 20 { progress.clear(); print("skipped: already stored as run \(id)") }
            }
            progress.advance()
        }
        progress.finish()
        if !quiet { print("\(added) stored, \(skipped) skipped (already present) in \(store.db)") }
    }

    /// Decodes one record or an array of records, naming the JSON path of a bad field.
    static func decode(_ data: Data, file: String) throws -> [RunRecord] {
        let decoder = RunRecord.jsonDecoder()
        do {
            if data.first(where: { !$0.isWhitespace }) == UInt8(ascii: "[") {
                return try decoder.decode([RunRecord].self, from: data)
            }
            return [try decoder.decode(RunRecord.self, from: data)]
        } catch let error as DecodingError {
            throw InputError(file: file, field: fieldPath(error), describe(error))
        } catch {
            throw InputError(file: file, "not valid JSON: \(error.localizedDescription)")
        }
    }

    static func context(_ e: DecodingError) -> DecodingError.Context? {
        switch e {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): return c
        @unknown default: return nil
        }
    }

    static func fieldPath(_ e: DecodingError) -> String? {
        guard let c = context(e) else { return nil }
        var path = c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        if case .keyNotFound(let key, _) = e { path += "." + key.stringValue }
        if path.hasPrefix(".") { path.removeFirst() }
        return path.isEmpty ? nil : path
    }

    static func describe(_ e: DecodingError) -> String {
        switch e {
        case .keyNotFound: return "required field is missing"
        case .typeMismatch(let t, _): return "expected \(t)"
        case .valueNotFound(let t, _): return "expected \(t), got null"
        case .dataCorrupted(let c): return c.debugDescription
        @unknown default: return "invalid value"
        }
    }
}

private extension UInt8 {
    var isWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}
