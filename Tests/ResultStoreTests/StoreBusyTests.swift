import Foundation
import GRDB
import Testing
@testable import ResultStore

/// Opening a results file that another process holds locked (creating it, switching it to WAL,
/// migrating it) waits for the lock instead of failing at once (issue 14: four `colosim run` at once
/// on a new file must all store their runs; one CI run lost a run here to an immediate SQLITE_BUSY
/// from the read-only validation connection, reported as "stayed locked … for 120 s").
@Suite struct StoreBusyTests {
    @Test func validationWaitsForAnExclusiveLockInsteadOfFailing() throws {
        let path = try Fixtures.tempDir().appendingPathComponent("busy.sqlite").path
        // A file in rollback-journal mode, as a new file is before it switches to WAL, with an
        // exclusive lock held by another connection for 0.3 s.
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: path, configuration: config)
        try holder.inDatabase { db in
            try db.execute(sql: "CREATE TABLE t(x)")
            try db.execute(sql: "BEGIN EXCLUSIVE")
            try db.execute(sql: "INSERT INTO t VALUES (1)")
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) {
            try? holder.inDatabase { try $0.execute(sql: "COMMIT") }
        }
        let start = Date()
        do {
            try ResultStore.validate(path: path, expectComplete: false)
            Issue.record("a file with a foreign table must be refused")
        } catch let e as StoreError {
            // What the file is, once readable: not a busy error.
            #expect("\(e)".contains("not a colosim results database"), "\(e)")
        }
        #expect(Date().timeIntervalSince(start) >= 0.2)
    }
}
