import ArgumentParser
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

extension StoreError {
    /// This error as an ``InputError`` (exit 2) when it is the user's input at fault; else itself.
    func asInputError(field: String?) -> any Error {
        guard isInputError else { return self }
        return InputError(file: path, field: field, message)
    }
}

/// Runs `body`, mapping ``StoreError``s that are the user's fault to ``InputError`` (exit 2).
func mappingStoreErrors<T>(field: String? = nil, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw error.asInputError(field: field)
    }
}
