import ArgumentParser
import ResultStore

/// `colosim runs show ID`: everything stored about one run.
struct RunsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one stored run.")

    @OptionGroup var store: RunsStoreOptions

    @Argument(help: ArgumentHelp("The run id (from `colosim runs list`) or its run key.", valueName: "id"))
    var id: String

    @Flag(help: "Print the full run record as JSON.")
    var json = false

    func run() throws {
        let db = try store.open(readOnly: true)
        let record = try RunsLookup.run(id, in: db, field: "id")
        if json {
            print(String(decoding: try RunRecord.jsonEncoder().encode(record), as: UTF8.self))
        } else {
            print(RunsText.show(record), terminator: "")
        }
    }
}
