import ArgumentParser
import Experiments
import ResultStore

/// `colosim runs merge OTHER.sqlite...`: joins other results databases (e.g. sweep shards) into this one.
struct RunsMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge other results databases (e.g. sweep shards) into --db.",
        discussion: "Runs already present (same run key: same sweep point, or same run) are skipped. The other files are only read.")

    @OptionGroup var store: RunsStoreOptions

    @Argument(help: ArgumentHelp("Databases to merge in.", valueName: "other.sqlite"))
    var others: [String]

    func validate() throws {
        guard !others.isEmpty else { throw ValidationError("give at least one database file to merge") }
    }

    func run() throws {
        // Check every source first so a bad one stops the merge before anything is written.
        for other in others {
            try mappingStoreErrors(field: "other.sqlite") { try ResultStore.validate(path: other, expectComplete: true) }
        }
        let db = try store.open(create: true)
        for other in others {
            let r = try mappingStoreErrors(field: "other.sqlite") { try db.merge(from: other) }
            print("merged \(other): \(r.inserted) run\(r.inserted == 1 ? "" : "s") added, \(r.skipped) skipped (already present), \(r.sweepsAdded) sweep\(r.sweepsAdded == 1 ? "" : "s") added")
        }
    }
}
