import ArgumentParser
import Experiments
import ResultStore

/// The `--db FILE` option shared by the commands that use the results database.
struct RunsStoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The results database (SQLite).", valueName: "file"))
    var db: String = ResultStore.defaultPath

    /// Opens the store, mapping unusable files (missing, corrupt, foreign) to exit-2 input errors.
    /// Commands that only read pass `readOnly` so the file is never written.
    func open(create: Bool = false, readOnly: Bool = false) throws -> ResultStore {
        do {
            return try ResultStore(path: db, create: create, readOnly: readOnly)
        } catch let error as StoreError {
            throw error.asInputError(field: "--db")
        }
    }
}
