import Experiments
import ResultStore

/// Resolves user-given run and sweep references against a store.
enum RunsLookup {
    /// The run with id or run key `reference`; an unknown reference is an input error (exit 2).
    static func run(_ reference: String, in store: ResultStore, field: String) throws -> RunRecord {
        let found: RunRecord? = try mappingStoreErrors {
            if let id = Int64(reference), let r = try store.run(id: id) { return r }
            return try store.run(key: reference)
        }
        guard let record = found else {
            throw InputError(file: store.path, field: field,
                             "no run '\(reference)' in this database (see `colosim runs list --db \(store.path)`)")
        }
        return record
    }

    /// A run (by id or key) or a sweep (by id): the runs to report on and the sweep, if any.
    static func runsOrSweep(_ reference: String, in store: ResultStore, field: String) throws -> (runs: [RunRecord], sweep: SweepInfo?) {
        let result: ([RunRecord], SweepInfo?)? = try mappingStoreErrors {
            if let id = Int64(reference), let r = try store.run(id: id) { return ([r], nil) }
            if let sweep = try store.sweep(id: reference) { return (try store.runs(sweepID: reference), sweep) }
            let sweepRuns = try store.runs(sweepID: reference)
            if !sweepRuns.isEmpty { return (sweepRuns, nil) }
            if let r = try store.run(key: reference) { return ([r], nil) }
            return nil
        }
        guard let (runs, sweep) = result else {
            throw InputError(file: store.path, field: field,
                             "no run or sweep '\(reference)' in this database (see `colosim runs list --db \(store.path)`)")
        }
        guard !runs.isEmpty else {
            throw InputError(file: store.path, field: field, "sweep '\(reference)' has no finished runs yet")
        }
        return (runs, sweep)
    }
}
