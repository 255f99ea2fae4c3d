import Foundation
import GRDB

extension ResultStore {
    /// All runs (optionally of one sweep), ordered by id, with their summary metrics.
    public func listRuns(sweepID: String? = nil) throws -> [RunSummary] {
        try read { db in
            let rows: [Row]
            if let sweepID {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM runs WHERE sweep_id = ? ORDER BY id", arguments: [sweepID])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY id")
            }
            var summaries: [Int64: [String: MetricValue]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT run_id, name, value, is_bool FROM summary_metrics") {
                summaries[row["run_id"], default: [:]][row["name"]] = ResultStore.metric(row)
            }
            return rows.map { row in
                let id: Int64 = row["id"]
                return RunSummary(id: id, runKey: row["run_key"], scenarioName: row["scenario_name"],
                                  scenarioHash: row["scenario_hash"], policy: row["policy"],
                                  seed: UInt64(bitPattern: row["seed"]), digest: row["digest"],
                                  colosimVersion: row["colosim_version"],
                                  startedAt: Date(timeIntervalSinceReferenceDate: row["started_at"]),
                                  finishedAt: Date(timeIntervalSinceReferenceDate: row["finished_at"]),
                                  sweepID: row["sweep_id"], pointKey: row["point_key"],
                                  summary: summaries[id] ?? [:])
            }
        }
    }

    /// The number of stored runs.
    public func runCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0 }
    }

    /// The full record of run `id`, or `nil` if there is none.
    public func run(id: Int64) throws -> RunRecord? {
        try read { db in try ResultStore.fetchRecord(db, id: id) }
    }

    /// The full record with run key `key`, or `nil`.
    public func run(key: String) throws -> RunRecord? {
        try read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM runs WHERE run_key = ?", arguments: [key]) else {
                return nil
            }
            return try ResultStore.fetchRecord(db, id: id)
        }
    }

    /// Full records of all runs (optionally of one sweep), ordered by id.
    public func runs(sweepID: String? = nil) throws -> [RunRecord] {
        try read { db in
            let ids: [Int64]
            if let sweepID {
                ids = try Int64.fetchAll(db, sql: "SELECT id FROM runs WHERE sweep_id = ? ORDER BY id", arguments: [sweepID])
            } else {
                ids = try Int64.fetchAll(db, sql: "SELECT id FROM runs ORDER BY id")
            }
            return try ids.compactMap { try ResultStore.fetchRecord(db, id: $0) }
        }
    }

    /// All registered sweeps, by id.
    public func sweeps() throws -> [SweepInfo] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sweeps ORDER BY id").map(ResultStore.sweep)
        }
    }

    /// The sweep with id `id`, or `nil`.
    public func sweep(id: String) throws -> SweepInfo? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sweeps WHERE id = ?", arguments: [id]).map(ResultStore.sweep)
        }
    }

    /// Point keys of `sweepID` that already have a stored run (a resumed sweep skips these).
    public func finishedPointKeys(sweepID: String) throws -> Set<String> {
        try read { db in
            try String.fetchSet(db, sql: "SELECT point_key FROM runs WHERE sweep_id = ?", arguments: [sweepID])
        }
    }

    static func sweep(_ row: Row) -> SweepInfo {
        SweepInfo(id: row["id"], specHash: row["spec_hash"], pointCount: row["point_count"],
                  createdAt: Date(timeIntervalSinceReferenceDate: row["created_at"]))
    }

    /// A metric from a `(value, is_bool)` row; NULL reads back as NaN.
    static func metric(_ row: Row) -> MetricValue {
        let value: Double? = row["value"]
        let isBool: Bool = row["is_bool"]
        return isBool ? .bool((value ?? 0) != 0) : .number(value ?? .nan)
    }

    /// Loads the complete record of run `id` from `db`.
    static func fetchRecord(_ db: Database, id: Int64) throws -> RunRecord? {
        guard let run = try Row.fetchOne(db, sql: """
            SELECT runs.*, scenarios.text AS scenario_text FROM runs
            JOIN scenarios ON scenarios.hash = runs.scenario_hash WHERE runs.id = ?
            """, arguments: [id]) else { return nil }
        var record = RunRecord(
            id: id, scenarioName: run["scenario_name"], scenarioText: run["scenario_text"],
            scenarioHash: run["scenario_hash"], seed: UInt64(bitPattern: run["seed"]),
            colosimVersion: run["colosim_version"], digest: run["digest"], policy: run["policy"],
            startedAt: Date(timeIntervalSinceReferenceDate: run["started_at"]),
            finishedAt: Date(timeIntervalSinceReferenceDate: run["finished_at"]),
            sweepID: run["sweep_id"], pointKey: run["point_key"])

        for row in try Row.fetchAll(db, sql: "SELECT name, value, is_bool FROM summary_metrics WHERE run_id = ?", arguments: [id]) {
            record.summary[row["name"]] = metric(row)
        }
        var wMetrics: [String: [String: MetricValue]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT workload, name, value, is_bool FROM workload_metrics WHERE run_id = ?", arguments: [id]) {
            wMetrics[row["workload"], default: [:]][row["name"]] = metric(row)
        }
        record.workloads = try Row.fetchAll(db, sql: "SELECT workload, kind FROM workloads WHERE run_id = ? ORDER BY ord", arguments: [id]).map { row in
            let name: String = row["workload"]
            return WorkloadMetrics(name: name, kind: row["kind"], metrics: wMetrics[name] ?? [:])
        }
        var gMetrics: [String: [String: MetricValue]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT gpu, name, value, is_bool FROM gpu_metrics WHERE run_id = ?", arguments: [id]) {
            gMetrics[row["gpu"], default: [:]][row["name"]] = metric(row)
        }
        record.gpus = try String.fetchAll(db, sql: "SELECT gpu FROM gpus WHERE run_id = ? ORDER BY ord", arguments: [id]).map {
            GPUMetrics(gpu: $0, metrics: gMetrics[$0] ?? [:])
        }
        record.shares = try Row.fetchAll(db, sql: "SELECT * FROM container_shares WHERE run_id = ? ORDER BY ord", arguments: [id]).map { row in
            ContainerShare(container: row["container"], engine: row["engine"],
                           configured: row["configured"] ?? .nan, achieved: row["achieved"] ?? .nan)
        }
        for row in try Row.fetchAll(db, sql: "SELECT series, t_s, value FROM series_points WHERE run_id = ? ORDER BY series, idx", arguments: [id]) {
            record.series[row["series"], default: []].append(SeriesPoint(t: row["t_s"] ?? .nan, value: row["value"] ?? .nan))
        }
        var cdfPoints: [String: [LatencyCDF.Point]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT workload, latency_ms, fraction FROM latency_cdf_points WHERE run_id = ? ORDER BY workload, idx", arguments: [id]) {
            cdfPoints[row["workload"], default: []].append(
                LatencyCDF.Point(latencyMs: row["latency_ms"] ?? .nan, fraction: row["fraction"] ?? .nan))
        }
        record.latencyCDFs = try Row.fetchAll(db, sql: "SELECT * FROM latency_cdfs WHERE run_id = ? ORDER BY ord", arguments: [id]).map { row in
            let w: String = row["workload"]
            return LatencyCDF(workload: w, slaTargetMs: row["sla_target_ms"], slaQuantile: row["sla_quantile"],
                              points: cdfPoints[w] ?? [])
        }
        return record
    }
}

extension ResultStore {
    /// The keys of `allPointKeys` (in their order) that `sweepID` has no stored run for yet: what a
    /// resumed sweep still has to run.
    public func pendingPointKeys(sweepID: String, allPointKeys: [String]) throws -> [String] {
        let done = try finishedPointKeys(sweepID: sweepID)
        return allPointKeys.filter { !done.contains($0) }
    }
}
