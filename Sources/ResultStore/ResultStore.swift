import Foundation
import GRDB

/// The results database: every run in one SQLite file (default `colosim.sqlite`).
///
/// Opening validates the file first through a read-only connection (SQLite header, `PRAGMA
/// quick_check`, colosim schema), so a corrupt or foreign file is reported and left byte-for-byte
/// unchanged. The database runs in WAL mode; each run is written in one transaction.
public final class ResultStore: Sendable {
    /// The database file.
    public let path: String
    /// Whether this store was opened read-only (no write ever reaches the file).
    public let isReadOnly: Bool
    let pool: any DatabaseWriter

    /// The default database file name.
    public static let defaultPath = "colosim.sqlite"

    /// Opens (and with `create`, creates) the store at `path`, applying pending migrations.
    ///
    /// With `readOnly`, the file is opened through one connection that only reads, so the file is
    /// left byte-for-byte unchanged (commands that only read use this; a pending migration is still
    /// applied first). Writing through such a store is a programming error and fails.
    /// Throws ``StoreError`` with kind `.missing` when the file does not exist and `create` is
    /// false, `.corrupt`, `.foreign` or `.newerSchema` when the file cannot be used; in those cases
    /// the file is not modified.
    public init(path: String, create: Bool = false, readOnly: Bool = false) throws {
        self.path = path
        self.isReadOnly = readOnly
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && (!create || readOnly) {
            throw StoreError(.missing, path: path, "no results database here (pass --db FILE, or record a run first)")
        }
        if exists { try ResultStore.validate(path: path, expectComplete: false) }
        do {
            var config = Configuration()
            config.busyMode = .timeout(10)
            config.label = "colosim.results"
            if readOnly {
                if try !ResultStore.isComplete(path: path) {
                    let writer = try DatabasePool(path: path, configuration: config)
                    try ResultStore.migrator.migrate(writer)
                    try writer.close()
                }
                // A plain connection that only reads: unlike DatabasePool (which writes a dummy
                // table on open to create the WAL file) it leaves the file byte-for-byte unchanged,
                // and unlike a read-only connection it removes the -wal/-shm files when it closes.
                pool = try DatabaseQueue(path: path, configuration: config)
            } else {
                let writer = try DatabasePool(path: path, configuration: config)
                // Migrate only when something is pending, so opening a current file writes nothing.
                if try !writer.read({ try ResultStore.migrator.hasCompletedMigrations($0) }) {
                    try ResultStore.migrator.migrate(writer)
                }
                pool = writer
            }
        } catch let error as DatabaseError {
            throw ResultStore.map(error, path: path)
        }
    }

    /// Whether every known migration is applied to the (validated) file at `path`.
    static func isComplete(path: String) throws -> Bool {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        return try queue.read { try migrator.hasCompletedMigrations($0) }
    }

    /// Checks that `path` is a colosim results database without writing to it.
    ///
    /// With `expectComplete`, the schema must be fully migrated (used for merge sources, which are
    /// only read); otherwise an older schema is fine (it will be migrated).
    public static func validate(path: String, expectComplete: Bool) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.corrupt, path: path, "cannot read the results database (permission denied or not a file)")
        }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        if header.isEmpty { return } // SQLite treats an empty file as an empty database.
        guard header == Data("SQLite format 3\0".utf8) else {
            throw StoreError(.corrupt, path: path,
                             "not a SQLite database (bad file header); the file was left unchanged")
        }
        var config = Configuration()
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            try queue.read { db in
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard check == ["ok"] else {
                    throw StoreError(.corrupt, path: path,
                                     "database is corrupt (\(check.prefix(3).joined(separator: "; "))); the file was left unchanged")
                }
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if tables.isEmpty && !expectComplete { return }
                guard try db.tableExists("grdb_migrations") else {
                    throw StoreError(.foreign, path: path,
                                     "a SQLite database, but not a colosim results database; the file was left unchanged")
                }
                if try migrator.hasBeenSuperseded(db) {
                    throw StoreError(.newerSchema, path: path,
                                     "has schema migrations this colosim does not know (written by a newer colosim, or by another program); the file was left unchanged")
                }
                if expectComplete, try !migrator.hasCompletedMigrations(db) {
                    throw StoreError(.newerSchema, path: path,
                                     "written by an older colosim; open it once with this version (e.g. `colosim runs list --db \(path)`) to migrate it")
                }
            }
        } catch let error as DatabaseError {
            throw map(error, path: path)
        }
    }

    /// Maps a SQLite error to a ``StoreError`` (corruption and foreign files are input errors).
    static func map(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return StoreError(.corrupt, path: path,
                              "not a readable SQLite database (\(error.message ?? "corrupt")); the file was left unchanged")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
            return StoreError(.corrupt, path: path, "cannot open the results database: \(error.message ?? "\(error)")")
        default:
            return StoreError(.other, path: path, "SQLite error: \(error)")
        }
    }

    /// Runs `body` in one write transaction, mapping SQLite errors to ``StoreError``.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard !isReadOnly else {
            throw StoreError(.other, path: path, "the results database was opened read-only")
        }
        do {
            return try pool.write(body)
        } catch let error as DatabaseError {
            throw ResultStore.map(error, path: path)
        }
    }

    /// Runs `body` with a read-only snapshot, mapping SQLite errors to ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw ResultStore.map(error, path: path)
        }
    }

    /// The SQLite journal mode in use (`wal` for a store opened by this type).
    public func journalMode() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// Closes the database (checkpointing the WAL). Further use throws.
    public func close() throws {
        if let p = pool as? DatabasePool { try p.close() } else if let q = pool as? DatabaseQueue { try q.close() }
    }
}
