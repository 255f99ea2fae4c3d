import GRDB

extension ResultStore {
    /// The schema, as GRDB migrations (applied in order, each once, recorded in `grdb_migrations`).
    ///
    /// Times are seconds since 2001-01-01 UTC (`Date.timeIntervalSinceReferenceDate`, exact);
    /// seeds are stored as the Int64 bit pattern of the UInt64 seed; NaN metric values are NULL.
    /// WITHOUT ROWID tables list their primary-key columns first: SQLite 3.40.1's `quick_check`
    /// reports false "NULL value in T.c" errors when a NOT NULL column precedes the key columns.
    static let migrator: DatabaseMigrator = {
        var m = DatabaseMigrator()
        m.registerMigration("v1-runs") { db in
            try db.execute(sql: """
                CREATE TABLE scenarios (
                    hash TEXT PRIMARY KEY NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE TABLE sweeps (
                    id TEXT PRIMARY KEY NOT NULL,
                    spec_hash TEXT NOT NULL,
                    point_count INTEGER NOT NULL,
                    created_at REAL NOT NULL
                );
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    run_key TEXT NOT NULL UNIQUE,
                    scenario_name TEXT NOT NULL,
                    scenario_hash TEXT NOT NULL REFERENCES scenarios(hash),
                    seed INTEGER NOT NULL,
                    colosim_version TEXT NOT NULL,
                    digest TEXT NOT NULL,
                    policy TEXT NOT NULL,
                    started_at REAL NOT NULL,
                    finished_at REAL NOT NULL,
                    sweep_id TEXT,
                    point_key TEXT,
                    UNIQUE (sweep_id, point_key),
                    CHECK ((sweep_id IS NULL) = (point_key IS NULL))
                );
                CREATE INDEX runs_by_sweep ON runs(sweep_id);
                CREATE TABLE summary_metrics (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    value REAL,
                    is_bool INTEGER NOT NULL,
                    PRIMARY KEY (run_id, name)
                ) WITHOUT ROWID;
                CREATE TABLE workloads (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    workload TEXT NOT NULL,
                    ord INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    PRIMARY KEY (run_id, workload)
                ) WITHOUT ROWID;
                CREATE TABLE workload_metrics (
                    run_id INTEGER NOT NULL,
                    workload TEXT NOT NULL,
                    name TEXT NOT NULL,
                    value REAL,
                    is_bool INTEGER NOT NULL,
                    PRIMARY KEY (run_id, workload, name),
                    FOREIGN KEY (run_id, workload) REFERENCES workloads(run_id, workload) ON DELETE CASCADE
                ) WITHOUT ROWID;
                CREATE TABLE gpus (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    gpu TEXT NOT NULL,
                    ord INTEGER NOT NULL,
                    PRIMARY KEY (run_id, gpu)
                ) WITHOUT ROWID;
                CREATE TABLE gpu_metrics (
                    run_id INTEGER NOT NULL,
                    gpu TEXT NOT NULL,
                    name TEXT NOT NULL,
                    value REAL,
                    is_bool INTEGER NOT NULL,
                    PRIMARY KEY (run_id, gpu, name),
                    FOREIGN KEY (run_id, gpu) REFERENCES gpus(run_id, gpu) ON DELETE CASCADE
                ) WITHOUT ROWID;
                CREATE TABLE container_shares (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    container TEXT NOT NULL,
                    engine TEXT NOT NULL,
                    ord INTEGER NOT NULL,
                    configured REAL,
                    achieved REAL,
                    PRIMARY KEY (run_id, container, engine)
                ) WITHOUT ROWID;
                CREATE TABLE series_points (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    series TEXT NOT NULL,
                    idx INTEGER NOT NULL,
                    t_s REAL,
                    value REAL,
                    PRIMARY KEY (run_id, series, idx)
                ) WITHOUT ROWID;
                CREATE TABLE latency_cdfs (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    workload TEXT NOT NULL,
                    ord INTEGER NOT NULL,
                    sla_target_ms REAL,
                    sla_quantile REAL NOT NULL,
                    PRIMARY KEY (run_id, workload)
                ) WITHOUT ROWID;
                CREATE TABLE latency_cdf_points (
                    run_id INTEGER NOT NULL,
                    workload TEXT NOT NULL,
                    idx INTEGER NOT NULL,
                    latency_ms REAL,
                    fraction REAL,
                    PRIMARY KEY (run_id, workload, idx),
                    FOREIGN KEY (run_id, workload) REFERENCES latency_cdfs(run_id, workload) ON DELETE CASCADE
                ) WITHOUT ROWID;
                """)
        }
        // Node-model responses of `response` fidelity, keyed by node-model version and state key (DESIGN §11).
        m.registerMigration("v2-node-responses") { db in
            try db.execute(sql: """
                CREATE TABLE node_responses (
                    version TEXT NOT NULL,
                    key TEXT NOT NULL,
                    data BLOB NOT NULL,
                    PRIMARY KEY (version, key)
                ) WITHOUT ROWID;
                """)
        }
        return m
    }()

    /// The migration identifiers this build knows, in order.
    static var knownMigrations: [String] { migrator.migrations }
}
