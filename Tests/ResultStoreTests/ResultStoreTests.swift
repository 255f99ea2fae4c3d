import Foundation
import GRDB
import Testing
@testable import ResultStore

@Suite struct ResultStoreTests {
    @Test func recordRoundTripsExactly() throws {
        let dir = try Fixtures.tempDir()
        let store = try ResultStore(path: dir.appendingPathComponent("r.sqlite").path, create: true)
        let original = Fixtures.record()
        let outcome = try store.insert(original)
        guard case .inserted(let id) = outcome else { Issue.record("expected insert, got \(outcome)"); return }
        let back = try #require(try store.run(id: id))
        #expect(back.id == id)
        #expect(Fixtures.withoutID(back) == original)
        // NaN is stored as NULL and read back as NaN; infinity and booleans survive.
        #expect(back.summary["be_lost_work_s"].map { $0.doubleValue.isNaN } == true)
        #expect(back.summary["max_queue"] == .number(.infinity))
        #expect(back.summary[MetricName.slaMet] == .bool(true))
        #expect(try store.run(key: original.runKey)?.id == id)
        #expect(try store.run(id: id + 1) == nil)
    }

    @Test func storeUsesWriteAheadLogging() throws {
        let dir = try Fixtures.tempDir()
        let store = try ResultStore(path: dir.appendingPathComponent("w.sqlite").path, create: true)
        #expect(try store.journalMode() == "wal")
    }

    @Test(arguments: ResultStore.InsertStage.allCases)
    func interruptedWriteLeavesNoPartialRecord(stage: ResultStore.InsertStage) throws {
        let dir = try Fixtures.tempDir()
        let path = dir.appendingPathComponent("i.sqlite").path
        let store = try ResultStore(path: path, create: true)
        try store.insert(Fixtures.record(seed: 1))
        #expect(throws: ResultStore.Interrupted.self) {
            try store.insert(Fixtures.record(seed: 2), interruptAfter: stage)
        }
        try store.close()
        // Reopen (as a later process would) and count rows in every table.
        let reopened = try ResultStore(path: path)
        #expect(try reopened.runCount() == 1)
        let counts = try reopened.read { db in
            try ["scenarios", "runs", "summary_metrics", "workloads", "workload_metrics", "gpus", "gpu_metrics",
                 "container_shares", "series_points", "latency_cdfs", "latency_cdf_points"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1
            }
        }
        let one = Fixtures.record(seed: 1)
        let expected = [1, 1, one.summary.count, 2, 4, 2, 3, 2,
                        one.series.values.reduce(0) { $0 + $1.count }, 1, 20]
        #expect(counts == expected)
    }

    @Test func constraintViolationMidRecordRollsBackTheWholeRun() throws {
        let dir = try Fixtures.tempDir()
        let store = try ResultStore(path: dir.appendingPathComponent("c.sqlite").path, create: true)
        var bad = Fixtures.record()
        // The same GPU twice: the gpus primary key fails after runs, summary and workloads were written.
        bad.gpus.append(GPUMetrics(gpu: "node0/gpu0", metrics: ["utilization": 1]))
        #expect(throws: StoreError.self) { try store.insert(bad) }
        #expect(try store.runCount() == 0)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM summary_metrics") } == 0)
    }

    @Test func duplicateRunIsNotWrittenTwice() throws {
        let dir = try Fixtures.tempDir()
        let store = try ResultStore(path: dir.appendingPathComponent("d.sqlite").path, create: true)
        let first = try store.insert(Fixtures.record())
        let second = try store.insert(Fixtures.record())
        #expect(second == .duplicate(first.id))
        #expect(try store.runCount() == 1)
        // A different seed is a different run.
        #expect(try store.insert(Fixtures.record(seed: 8)) == .inserted(first.id + 1))
    }

    @Test func sweepBookkeepingSkipsFinishedPointsAndRejectsDuplicates() throws {
        let dir = try Fixtures.tempDir()
        let store = try ResultStore(path: dir.appendingPathComponent("s.sqlite").path, create: true)
        let sweep = SweepInfo(id: "grid-1", specHash: "abc", pointCount: 4, createdAt: Date(timeIntervalSinceReferenceDate: 0))
        #expect(try store.registerSweep(sweep))
        #expect(try !store.registerSweep(sweep))
        for p in ["p0", "p2"] { try store.insert(Fixtures.record(sweep: "grid-1", point: p)) }
        #expect(try store.finishedPointKeys(sweepID: "grid-1") == ["p0", "p2"])
        // The same point again, even with another digest, is a duplicate.
        let again = try store.insert(Fixtures.record(sweep: "grid-1", point: "p0", digest: "ffffffffffffffff"))
        guard case .duplicate = again else { Issue.record("expected duplicate, got \(again)"); return }
        // The unique constraint itself refuses a second row for a point, whatever the run key.
        #expect(throws: (any Error).self) {
            try store.write { db in
                try db.execute(sql: """
                    INSERT INTO runs (run_key, scenario_name, scenario_hash, seed, colosim_version, digest, policy,
                                      started_at, finished_at, sweep_id, point_key)
                    SELECT 'other', scenario_name, scenario_hash, seed, colosim_version, digest, policy,
                           started_at, finished_at, sweep_id, point_key FROM runs WHERE point_key = 'p0'
                    """)
            }
        }
        #expect(throws: StoreError.self) {
            try store.registerSweep(SweepInfo(id: "grid-1", specHash: "changed", pointCount: 4, createdAt: Date()))
        }
        #expect(try store.listRuns(sweepID: "grid-1").map(\.pointKey) == ["p0", "p2"])
        #expect(try store.sweep(id: "grid-1") == sweep)
    }

    @Test func mergedShardsEqualTheUnshardedSweep() throws {
        let dir = try Fixtures.tempDir()
        let sweep = SweepInfo(id: "g", specHash: "h", pointCount: 6, createdAt: Date(timeIntervalSinceReferenceDate: 1))
        let points = (0..<6).map { Fixtures.record(seed: UInt64($0), sweep: "g", point: "p\($0)") }
        func make(_ name: String, _ indices: [Int]) throws -> ResultStore {
            let s = try ResultStore(path: dir.appendingPathComponent(name).path, create: true)
            try s.registerSweep(sweep)
            for i in indices { try s.insert(points[i]) }
            return s
        }
        let full = try make("full.sqlite", [5, 0, 3, 1, 4, 2])
        let shard0 = try make("shard0.sqlite", [0, 2, 4])
        let shard1 = try make("shard1.sqlite", [1, 3, 5])
        let merged = try ResultStore(path: dir.appendingPathComponent("merged.sqlite").path, create: true)
        #expect(try merged.merge(from: shard1.path) == MergeResult(inserted: 3, skipped: 0, sweepsAdded: 1))
        #expect(try merged.merge(from: shard0.path) == MergeResult(inserted: 3, skipped: 0, sweepsAdded: 0))
        #expect(try merged.merge(from: shard0.path) == MergeResult(inserted: 0, skipped: 3, sweepsAdded: 0))
        func byKey(_ s: ResultStore) throws -> [String: RunRecord] {
            Dictionary(uniqueKeysWithValues: try s.runs().map { ($0.runKey, Fixtures.withoutID($0)) })
        }
        #expect(try byKey(merged) == byKey(full))
        #expect(try merged.runCount() == 6)
        #expect(try merged.sweeps() == [sweep])
        #expect(throws: StoreError.self) { try merged.merge(from: merged.path) }
    }

    @Test func garbageFileIsRejectedAndLeftUnchanged() throws {
        let dir = try Fixtures.tempDir()
        let url = dir.appendingPathComponent("garbage.sqlite")
        var bytes = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) })
        try bytes.write(to: url)
        let error = #expect(throws: StoreError.self) { try ResultStore(path: url.path) }
        #expect(error?.kind == .corrupt)
        #expect(try Data(contentsOf: url) == bytes)
        // A valid header over garbage pages: still refused, still untouched, no WAL files created.
        bytes.replaceSubrange(0..<16, with: Data("SQLite format 3\0".utf8))
        try bytes.write(to: url)
        let error2 = #expect(throws: StoreError.self) { try ResultStore(path: url.path) }
        #expect(error2?.kind == .corrupt)
        #expect(try Data(contentsOf: url) == bytes)
        #expect(!FileManager.default.fileExists(atPath: url.path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: url.path + "-shm"))
    }

    @Test func foreignSQLiteDatabaseIsRejectedAndLeftUnchanged() throws {
        let dir = try Fixtures.tempDir()
        let url = dir.appendingPathComponent("other.sqlite")
        let q = try DatabaseQueue(path: url.path)
        try q.write { db in try db.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1)") }
        try q.close()
        let before = try Data(contentsOf: url)
        let error = #expect(throws: StoreError.self) { try ResultStore(path: url.path) }
        #expect(error?.kind == .foreign)
        #expect(try Data(contentsOf: url) == before)
    }

    @Test func missingDatabaseIsReportedUnlessCreating() throws {
        let dir = try Fixtures.tempDir()
        let path = dir.appendingPathComponent("none.sqlite").path
        let error = #expect(throws: StoreError.self) { try ResultStore(path: path) }
        #expect(error?.kind == .missing)
        #expect(!FileManager.default.fileExists(atPath: path))
        _ = try ResultStore(path: path, create: true)
        #expect(FileManager.default.fileExists(atPath: path))
    }
}

@Suite struct ReadOnlyStoreTests {
    @Test func readOnlyStoreLeavesTheFileUnchangedAndRefusesWrites() throws {
        let dir = try Fixtures.tempDir()
        let path = dir.appendingPathComponent("ro.sqlite").path
        try ResultStore(path: path, create: true).insert(Fixtures.record())
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let ro = try ResultStore(path: path, readOnly: true)
            #expect(try ro.runCount() == 1)
            #expect(try ro.runs().map(Fixtures.withoutID) == [Fixtures.record()])
            #expect(throws: StoreError.self) { try ro.insert(Fixtures.record(seed: 99)) }
            try ro.close()
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
    }
}

@Suite struct ResumeTests {
    @Test func resumedSweepRunsOnlyTheMissingPointsInOrder() throws {
        let dir = try Fixtures.tempDir()
        let store = try ResultStore(path: dir.appendingPathComponent("resume.sqlite").path, create: true)
        let all = (0..<25).map { "p\($0)" }
        // "Killed half way": 12 points finished, in some order.
        for i in [3, 0, 7, 1, 2, 5, 4, 6, 8, 10, 9, 11] {
            try store.insert(Fixtures.record(seed: UInt64(i), sweep: "s", point: all[i]))
        }
        let pending = try store.pendingPointKeys(sweepID: "s", allPointKeys: all)
        #expect(pending == Array(all[12...]))
        for key in pending { try store.insert(Fixtures.record(sweep: "s", point: key)) }
        #expect(try store.pendingPointKeys(sweepID: "s", allPointKeys: all).isEmpty)
        #expect(try store.listRuns(sweepID: "s").count == 25)
    }
}

@Suite struct ConcurrentWriteTests {
    @Test func parallelWorkersShareOneStore() throws {
        let dir = try Fixtures.tempDir()
        let store = try ResultStore(path: dir.appendingPathComponent("par.sqlite").path, create: true)
        let failures = FailureCount()
        DispatchQueue.concurrentPerform(iterations: 24) { i in
            do { try store.insert(Fixtures.record(seed: UInt64(i), sweep: "par", point: "p\(i)")) } catch { failures.add() }
        }
        #expect(failures.value == 0)
        #expect(try store.finishedPointKeys(sweepID: "par") == Set((0..<24).map { "p\($0)" }))
    }

    final class FailureCount: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func add() { lock.lock(); n += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    }
}
