import Experiments
import Foundation
import ResultStore

/// Stores finished runs from any command (`run`, `compare`, `sweep`, …) with the CLI's error policy.
///
/// Usage from a command with `@OptionGroup var store: RunsStoreOptions`:
/// `let outcome = try RunsRecording.store(record, in: store)`.
enum RunsRecording {
    /// Opens (creating if needed) the `--db` store and writes `record` in one transaction.
    ///
    /// A corrupt or foreign `--db` file is an input error (exit 2) and is left unchanged.
    @discardableResult
    static func store(_ record: RunRecord, in options: RunsStoreOptions) throws -> InsertOutcome {
        let db = try options.open(create: true)
        return try mappingStoreErrors(field: "--db") { try db.insert(record) }
    }

    /// A record for a run of this colosim build: ``ColosimVersion/string`` filled in.
    static func record(scenarioName: String, scenarioText: String, seed: UInt64, policy: String, digest: String,
                       startedAt: Date, finishedAt: Date) -> RunRecord {
        RunRecord.thisBuild(scenarioName: scenarioName, scenarioText: scenarioText, seed: seed, policy: policy,
                            digest: digest, startedAt: startedAt, finishedAt: finishedAt)
    }
}
