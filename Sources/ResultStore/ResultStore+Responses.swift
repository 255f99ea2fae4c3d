import Foundation
import GRDB

extension ResultStore {
    /// Every stored node-model response blob of `version`, by state key.
    public func responseBlobs(version: String) throws -> [String: Data] {
        try pool.read { db in
            var out: [String: Data] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT key, data FROM node_responses WHERE version = ?",
                                           arguments: [version])
            while let row = try rows.next() {
                let key: String = row["key"]
                let data: Data = row["data"]
                out[key] = data
            }
            return out
        }
    }

    /// Stores node-model response blobs under `version` in one transaction (existing keys are kept).
    public func saveResponseBlobs(_ blobs: [String: Data], version: String) throws {
        guard !blobs.isEmpty else { return }
        try pool.write { db in
            let statement = try db.makeStatement(sql: "INSERT OR IGNORE INTO node_responses (version, key, data) VALUES (?, ?, ?)")
            for (key, data) in blobs.sorted(by: { $0.key < $1.key }) {
                try statement.execute(arguments: [version, key, data])
            }
        }
    }
}
