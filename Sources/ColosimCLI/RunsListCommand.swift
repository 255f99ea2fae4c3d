import ArgumentParser
import Experiments
import Foundation
import ResultStore

/// `colosim runs list`: one line per stored run.
struct RunsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List stored runs.")

    @OptionGroup var store: RunsStoreOptions

    @Option(help: ArgumentHelp("Only the runs of this sweep.", valueName: "sweep-id"))
    var sweep: String?

    @Flag(help: "Print JSON (an array of run summaries) instead of a table.")
    var json = false

    func run() throws {
        let db = try store.open(readOnly: true)
        let runs = try mappingStoreErrors { try db.listRuns(sweepID: sweep) }
        if json {
            print(String(decoding: try RunRecord.jsonEncoder().encode(runs), as: UTF8.self))
            return
        }
        if runs.isEmpty {
            print("no runs in \(store.db)")
            return
        }
        print(RunsText.listTable(runs), terminator: "")
    }
}
