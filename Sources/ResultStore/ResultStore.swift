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
        try ResultStore.checkUsablePath(path)
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && (!create || readOnly) {
            throw StoreError(.missing, path: path, "no results database here (pass --db FILE, or record a run first)")
        }
        if exists { try ResultStore.validate(path: path, expectComplete: false) }
        do {
            var config = Configuration()
            config.busyMode = .timeout(ResultStore.busyTimeout)
            config.label = "colosim.results"
            if readOnly {
                pool = try ResultStore.openReadOnly(path: path, config: config)
            } else {
                // Creating or migrating a new file is serialized between processes (a lock on the
                // folder), so concurrent first use cannot race on `journal_mode = WAL` or CREATE TABLE.
                pool = try StoreCreationLock.holding(forDatabase: path) {
                    try ResultStore.retryingBusy {
                        let writer = try DatabasePool(path: path, configuration: config)
                        // Migrate only when something is pending, so opening a current file writes nothing.
                        if try !writer.read({ try ResultStore.migrator.hasCompletedMigrations($0) }) {
                            try ResultStore.migrator.migrate(writer)
                        }
                        return writer
                    }
                }
            }
        } catch let error as DatabaseError {
            throw ResultStore.map(error, path: path)
        }
    }

    /// Seconds a connection waits for another process's lock before giving up.
    static let busyTimeout: TimeInterval = 120

    /// The configuration of a connection that only reads (checks and merge sources): read-only, and
    /// waiting up to ``busyTimeout`` for a process creating or migrating the file instead of failing
    /// at once.
    static func readOnlyConfiguration() -> Configuration {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        return config
    }

    /// Refuses paths that can never be a results database, with a sentence saying why.
    static func checkUsablePath(_ path: String) throws {
        if path.isEmpty { throw StoreError(.corrupt, path: nil, "needs a file name, got an empty one") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty, !FileManager.default.fileExists(atPath: dir) {
                throw StoreError(.missing, path: path, "the folder '\(dir)' does not exist")
            }
            return
        }
        if isDirectory.boolValue {
            throw StoreError(.corrupt, path: path, "is a directory, not a results database file")
        }
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        if let type, type != .typeRegular, type != .typeSymbolicLink {
            throw StoreError(.corrupt, path: path, "is not a regular file (a device or a pipe); give a .sqlite file")
        }
    }

    /// A connection that only reads and never creates or migrates anything.
    ///
    /// An empty file (zero bytes, or a SQLite file without tables) reads as an empty store, through
    /// an in-memory schema, and is left untouched; a file with an older schema is refused with how to
    /// migrate it. A file the user cannot write (read-only permissions) is opened read-only.
    static func openReadOnly(path: String, config: Configuration) throws -> any DatabaseWriter {
        if try isEmptyDatabase(path: path) {
            let memory = try DatabaseQueue(configuration: config)
            try migrator.migrate(memory)
            return memory
        }
        if try !isComplete(path: path) {
            throw StoreError(.newerSchema, path: path,
                             "written by an older colosim; a command that writes (e.g. `colosim run … --db \(path)`) migrates it")
        }
        var c = config
        // A plain connection that only reads: unlike DatabasePool (which writes a dummy table on
        // open to create the WAL file) it leaves the file byte-for-byte unchanged, and unlike a
        // read-only connection it removes the -wal/-shm files when it closes. When the file is not
        // writable, fall back to a read-only connection of the file as immutable.
        let location = readablePath(path)
        if location != path { c.readonly = true }
        return try DatabaseQueue(path: location, configuration: c)
    }

    /// `path`, or when the file or its folder cannot be written (a read-only copy, a read-only
    /// mount) an `immutable` SQLite URI of it: a WAL database is otherwise unreadable there, because
    /// SQLite cannot create its shared-memory file.
    static func readablePath(_ path: String) -> String {
        let fm = FileManager.default
        var dir = (path as NSString).deletingLastPathComponent
        if dir.isEmpty { dir = "." }
        if fm.isWritableFile(atPath: path) && fm.isWritableFile(atPath: dir) { return path }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
        return "file:\(escaped)?immutable=1"
    }

    /// Whether the (validated) file at `path` is empty: zero bytes, or SQLite without any table.
    static func isEmptyDatabase(path: String) throws -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber
        if size?.intValue == 0 { return true }
        let config = readOnlyConfiguration()
        let queue = try DatabaseQueue(path: readablePath(path), configuration: config)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0 } == 0
    }

    /// Runs `body`, retrying for up to ``busyTimeout`` seconds while SQLite reports the file busy or
    /// locked (another process creating or checkpointing it).
    static func retryingBusy<T>(_ body: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(busyTimeout)
        var delay: useconds_t = 2_000
        while true {
            do {
                return try body()
            } catch let error as DatabaseError
                        where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) && Date() < deadline {
                usleep(delay)
                delay = min(delay * 2, 200_000)
            }
        }
    }

    /// Whether every known migration is applied to the (validated) file at `path`.
    static func isComplete(path: String) throws -> Bool {
        let config = readOnlyConfiguration()
        let queue = try DatabaseQueue(path: readablePath(path), configuration: config)
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
        let config = readOnlyConfiguration()
        do {
            let queue = try DatabaseQueue(path: readablePath(path), configuration: config)
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
        case .SQLITE_CANTOPEN:
            return StoreError(.corrupt, path: path,
                              "cannot open the results database (its folder is missing or not writable, or it is not a file)")
        case .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return StoreError(.corrupt, path: path,
                              "cannot write the results database (no permission, or a read-only file or file system)")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.other, path: path,
                              "the results database stayed locked by another process for \(Int(busyTimeout)) s; try again")
        case .SQLITE_FULL:
            return StoreError(.other, path: path, "the disk is full; nothing was written")
        case .SQLITE_IOERR:
            return StoreError(.corrupt, path: path,
                              "cannot read or write the file as a database (an I/O error: a device such as /dev/null, or a failing disk)")
        default:
            if let m = error.message, m.hasPrefix("no such table") || m.hasPrefix("no such column") {
                return StoreError(.corrupt, path: path,
                                  "the colosim schema in this file is damaged (\(m)); the file was left unchanged — restore it from a copy or use a new --db file")
            }
            return StoreError(.other, path: path, "the results database failed: \(error.message ?? "\(error)")")
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
