import Foundation
import ResultStore

extension RunRecord {
    /// A record for a run of this colosim build: ``ColosimVersion/string`` filled in.
    public static func thisBuild(scenarioName: String, scenarioText: String, seed: UInt64, policy: String,
                                 digest: String, startedAt: Date, finishedAt: Date) -> RunRecord {
        RunRecord(scenarioName: scenarioName, scenarioText: scenarioText, seed: seed, policy: policy,
                  digest: digest, colosimVersion: ColosimVersion.string, startedAt: startedAt,
                  finishedAt: finishedAt)
    }
}
