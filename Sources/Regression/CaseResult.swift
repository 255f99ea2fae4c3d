/// The outcome of one check case (a scenario run, a calibration replay, a placement replay): its
/// result digest and its summary metrics, in report order. Both the golden file and a fresh run
/// hold a list of these.
public struct CaseResult: Sendable, Hashable, Codable {
    /// Case name, e.g. `scenario/v100-kernel-fixed-idle`.
    public var name: String
    /// The run digest (FNV-1a-64, 16 hex digits): equal digests mean bit-identical results.
    public var digest: String
    /// The summary metrics.
    public var metrics: [Metric]

    /// Creates a case result.
    public init(name: String, digest: String, metrics: [Metric]) {
        self.name = name
        self.digest = digest
        self.metrics = metrics
    }
}
