import Foundation
import GRDB

extension ResultStore {
    /// Copies every run and sweep of the database at `otherPath` into this store, in one transaction.
    ///
    /// Runs whose ``RunRecord/runKey`` is already here (the same sweep point, or the same run) are
    /// skipped, so merging shard files in any order, or the same file twice, gives the same set of
    /// runs. The other file is only read (after the same validation as ``init(path:create:)``).
    public func merge(from otherPath: String) throws -> MergeResult {
        guard FileManager.default.fileExists(atPath: otherPath) else {
            throw StoreError(.missing, path: otherPath, "no such database file to merge")
        }
        if URL(fileURLWithPath: otherPath).resolvingSymlinksInPath().standardizedFileURL
            == URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL {
            throw StoreError(.other, path: otherPath, "cannot merge a database into itself")
        }
        try ResultStore.validate(path: otherPath, expectComplete: true)
        let config = ResultStore.readOnlyConfiguration()
        let records: [RunRecord]
        let sweeps: [SweepInfo]
        do {
            let other = try DatabaseQueue(path: otherPath, configuration: config)
            defer { try? other.close() }
            (records, sweeps) = try other.read { db in
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM runs ORDER BY id")
                let records = try ids.compactMap { try ResultStore.fetchRecord(db, id: $0) }
                let sweeps = try Row.fetchAll(db, sql: "SELECT * FROM sweeps ORDER BY id").map(ResultStore.sweep)
                return (records, sweeps)
            }
        } catch let error as DatabaseError {
            throw ResultStore.map(error, path: otherPath)
        }
        return try write { db in
            var result = MergeResult(inserted: 0, skipped: 0, sweepsAdded: 0)
            for sweep in sweeps where try ResultStore.register(sweep, in: db, path: path) {
                result.sweepsAdded += 1
            }
            for var record in records {
                record.id = nil
                switch try ResultStore.insert(record, into: db, interruptAfter: nil) {
                case .inserted: result.inserted += 1
                case .duplicate: result.skipped += 1
                }
            }
            return result
        }
    }
}
