import ArgumentParser
import Experiments
import Foundation
import Reports
import ResultStore

/// `colosim runs export`: all runs as CSV (one row per run) or JSON (full records).
struct RunsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export stored runs as CSV (summary metrics) or JSON (full records).")

    /// Row order of the export.
    enum Sort: String, ExpressibleByArgument, CaseIterable {
        case id, key
    }

    @OptionGroup var store: RunsStoreOptions

    @Flag(help: "CSV: one row per run, identity columns then one column per summary metric (default: JSON).")
    var csv = false

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Only the runs of this sweep.", valueName: "sweep-id"))
    var sweep: String?

    @Option(help: "Row order: id (insertion order) or key (run key; equal for merged shards and the unsharded sweep).")
    var sort: Sort = .id

    func run() throws {
        let db = try store.open(readOnly: true)
        let text: String
        if csv {
            var runs = try mappingStoreErrors { try db.listRuns(sweepID: sweep) }
            if sort == .key { runs.sort { $0.runKey < $1.runKey } }
            text = RunCSV.render(runs)
        } else {
            var runs = try mappingStoreErrors { try db.runs(sweepID: sweep) }
            if sort == .key { runs.sort { $0.runKey < $1.runKey } }
            text = String(decoding: try RunRecord.jsonEncoder().encode(runs), as: UTF8.self) + "\n"
        }
        if let out {
            do {
                try ReportWriter.write([(out, text)])
            } catch let error as ReportError {
                throw InputError(file: out, field: "--out", error.message)
            }
        } else {
            print(text, terminator: "")
        }
    }
}
