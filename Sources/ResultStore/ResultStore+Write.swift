import Foundation
import GRDB

extension ResultStore {
    /// Stages of writing one run; a test may interrupt the write after any of them.
    enum InsertStage: Int, Sendable, CaseIterable {
        case run, summary, workloads, gpus, shares, series, latency
    }

    /// A deliberate interruption of a write (tests of the one-transaction guarantee).
    struct Interrupted: Error {}

    /// Stores `record` in one transaction; a run with the same ``RunRecord/runKey`` is not written twice.
    ///
    /// Either the whole record is written or nothing is: any failure (constraint violation,
    /// I/O error, a crash of the process) rolls the transaction back.
    @discardableResult
    public func insert(_ record: RunRecord) throws -> InsertOutcome {
        try insert(record, interruptAfter: nil)
    }

    /// Stores several records in one transaction (all or none); returns one outcome per record.
    @discardableResult
    public func insert(_ records: [RunRecord]) throws -> [InsertOutcome] {
        try write { db in try records.map { try ResultStore.insert($0, into: db, interruptAfter: nil) } }
    }

    /// ``insert(_:)`` with an optional interruption after `stage` (for tests).
    func insert(_ record: RunRecord, interruptAfter stage: InsertStage?) throws -> InsertOutcome {
        try write { db in try ResultStore.insert(record, into: db, interruptAfter: stage) }
    }

    /// Registers a sweep, or checks that an already registered sweep has the same specification.
    ///
    /// Returns `true` when the sweep was new.
    @discardableResult
    public func registerSweep(_ sweep: SweepInfo) throws -> Bool {
        try write { db in try ResultStore.register(sweep, in: db, path: path) }
    }

    static func register(_ sweep: SweepInfo, in db: Database, path: String) throws -> Bool {
        if let row = try Row.fetchOne(db, sql: "SELECT spec_hash, point_count FROM sweeps WHERE id = ?",
                                      arguments: [sweep.id]) {
            let hash: String = row["spec_hash"]
            let count: Int = row["point_count"]
            guard hash == sweep.specHash, count == sweep.pointCount else {
                throw StoreError(.sweepMismatch, path: path,
                                 "sweep '\(sweep.id)' is already recorded with another specification (spec hash \(hash), \(count) points; now \(sweep.specHash), \(sweep.pointCount) points)")
            }
            return false
        }
        try db.execute(sql: "INSERT INTO sweeps (id, spec_hash, point_count, created_at) VALUES (?, ?, ?, ?)",
                       arguments: [sweep.id, sweep.specHash, sweep.pointCount,
                                   sweep.createdAt.timeIntervalSinceReferenceDate])
        return true
    }

    /// Writes `record` into `db` (inside the caller's transaction).
    static func insert(_ record: RunRecord, into db: Database, interruptAfter stage: InsertStage?) throws -> InsertOutcome {
        func checkpoint(_ s: InsertStage) throws { if s == stage { throw Interrupted() } }
        let key = record.runKey
        if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM runs WHERE run_key = ?", arguments: [key]) {
            return .duplicate(existing)
        }
        try db.execute(sql: "INSERT OR IGNORE INTO scenarios (hash, text) VALUES (?, ?)",
                       arguments: [record.scenarioHash, record.scenarioText])
        try db.execute(sql: """
            INSERT INTO runs (run_key, scenario_name, scenario_hash, seed, colosim_version, digest, policy,
                              started_at, finished_at, sweep_id, point_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [key, record.scenarioName, record.scenarioHash, Int64(bitPattern: record.seed),
                             record.colosimVersion, record.digest, record.policy,
                             record.startedAt.timeIntervalSinceReferenceDate,
                             record.finishedAt.timeIntervalSinceReferenceDate,
                             record.sweepID, record.pointKey])
        let id = db.lastInsertedRowID
        try checkpoint(.run)

        let metric = try db.cachedStatement(sql: "INSERT INTO summary_metrics (run_id, name, value, is_bool) VALUES (?, ?, ?, ?)")
        for (name, value) in record.summary.sorted(by: { $0.key < $1.key }) {
            try metric.execute(arguments: StatementArguments([id, name] + columns(value)))
        }
        try checkpoint(.summary)

        let workload = try db.cachedStatement(sql: "INSERT INTO workloads (run_id, ord, workload, kind) VALUES (?, ?, ?, ?)")
        let wMetric = try db.cachedStatement(sql: "INSERT INTO workload_metrics (run_id, workload, name, value, is_bool) VALUES (?, ?, ?, ?, ?)")
        for (i, w) in record.workloads.enumerated() {
            try workload.execute(arguments: [id, i, w.name, w.kind])
            for (name, value) in w.metrics.sorted(by: { $0.key < $1.key }) {
                try wMetric.execute(arguments: StatementArguments([id, w.name, name] + columns(value)))
            }
        }
        try checkpoint(.workloads)

        let gpu = try db.cachedStatement(sql: "INSERT INTO gpus (run_id, ord, gpu) VALUES (?, ?, ?)")
        let gMetric = try db.cachedStatement(sql: "INSERT INTO gpu_metrics (run_id, gpu, name, value, is_bool) VALUES (?, ?, ?, ?, ?)")
        for (i, g) in record.gpus.enumerated() {
            try gpu.execute(arguments: [id, i, g.gpu])
            for (name, value) in g.metrics.sorted(by: { $0.key < $1.key }) {
                try gMetric.execute(arguments: StatementArguments([id, g.gpu, name] + columns(value)))
            }
        }
        try checkpoint(.gpus)

        let share = try db.cachedStatement(sql: "INSERT INTO container_shares (run_id, ord, container, engine, configured, achieved) VALUES (?, ?, ?, ?, ?, ?)")
        for (i, s) in record.shares.enumerated() {
            try share.execute(arguments: [id, i, s.container, s.engine, s.configured, s.achieved])
        }
        try checkpoint(.shares)

        let point = try db.cachedStatement(sql: "INSERT INTO series_points (run_id, series, idx, t_s, value) VALUES (?, ?, ?, ?, ?)")
        for (name, points) in record.series.sorted(by: { $0.key < $1.key }) {
            for (i, p) in points.enumerated() {
                try point.execute(arguments: [id, name, i, p.t, p.value])
            }
        }
        try checkpoint(.series)

        let cdf = try db.cachedStatement(sql: "INSERT INTO latency_cdfs (run_id, ord, workload, sla_target_ms, sla_quantile) VALUES (?, ?, ?, ?, ?)")
        let cdfPoint = try db.cachedStatement(sql: "INSERT INTO latency_cdf_points (run_id, workload, idx, latency_ms, fraction) VALUES (?, ?, ?, ?, ?)")
        for (i, c) in record.latencyCDFs.enumerated() {
            try cdf.execute(arguments: [id, i, c.workload, c.slaTargetMs, c.slaQuantile])
            for (j, p) in c.points.enumerated() {
                try cdfPoint.execute(arguments: [id, c.workload, j, p.latencyMs, p.fraction])
            }
        }
        try checkpoint(.latency)
        return .inserted(id)
    }

    /// The `(value, is_bool)` columns of a metric.
    static func columns(_ value: MetricValue) -> [(any DatabaseValueConvertible)?] {
        switch value {
        case .number(let v): return [v.isNaN ? nil : v, 0]
        case .bool(let b): return [b ? 1.0 : 0.0, 1]
        }
    }
}
