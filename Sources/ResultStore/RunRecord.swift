import Foundation
import SimEngine

/// Everything the result store keeps about one simulator run.
///
/// A plain value filled by whichever simulator produced the run; all timestamps come from the
/// caller (the core reads no clock). Build one with the memberwise initializer and fill the metric
/// collections, or start from ``init(scenarioName:scenarioText:seed:policy:digest:startedAt:finishedAt:)``
/// and add parts with the `add…` helpers in `RunRecord+Building.swift`.
public struct RunRecord: Codable, Sendable, Equatable {
    /// Store-assigned row id; `nil` until the record is stored.
    public var id: Int64?
    /// Scenario name (the scenario's `name`, or its file name).
    public var scenarioName: String
    /// Full scenario text (YAML) the run used.
    public var scenarioText: String
    /// FNV-1a-64 hex of `scenarioText` (see ``RunRecord/hash(scenarioText:)``).
    public var scenarioHash: String
    /// The run's random seed.
    public var seed: UInt64
    /// The colosim version that produced the run (`ColosimVersion.string`).
    public var colosimVersion: String
    /// The run digest (16 hex digits, FNV-1a-64 over the event stream).
    public var digest: String
    /// Co-location policy (`dedicated`, `shared`, `preemptive`, `time-sliced`, `tidal`, or other).
    public var policy: String
    /// Wall-clock start, supplied by the caller.
    public var startedAt: Date
    /// Wall-clock end, supplied by the caller.
    public var finishedAt: Date
    /// Sweep this run belongs to, if any.
    public var sweepID: String?
    /// The sweep point's key (unique within its sweep), if any.
    public var pointKey: String?
    /// Run-wide metrics (see ``MetricName``).
    public var summary: [String: MetricValue]
    /// Per-workload metrics.
    public var workloads: [WorkloadMetrics]
    /// Per-GPU metrics.
    public var gpus: [GPUMetrics]
    /// Configured vs achieved share per container and engine.
    public var shares: [ContainerShare]
    /// Downsampled time series: series name → points in increasing time.
    public var series: [String: [SeriesPoint]]
    /// Latency CDFs of the latency-sensitive workloads.
    public var latencyCDFs: [LatencyCDF]

    /// Creates a complete record.
    public init(id: Int64? = nil, scenarioName: String, scenarioText: String, scenarioHash: String? = nil,
                seed: UInt64, colosimVersion: String, digest: String, policy: String,
                startedAt: Date, finishedAt: Date, sweepID: String? = nil, pointKey: String? = nil,
                summary: [String: MetricValue] = [:], workloads: [WorkloadMetrics] = [],
                gpus: [GPUMetrics] = [], shares: [ContainerShare] = [],
                series: [String: [SeriesPoint]] = [:], latencyCDFs: [LatencyCDF] = []) {
        self.id = id
        self.scenarioName = scenarioName
        self.scenarioText = scenarioText
        self.scenarioHash = scenarioHash ?? RunRecord.hash(scenarioText: scenarioText)
        self.seed = seed
        self.colosimVersion = colosimVersion
        self.digest = digest
        self.policy = policy
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.sweepID = sweepID
        self.pointKey = pointKey
        self.summary = summary
        self.workloads = workloads
        self.gpus = gpus
        self.shares = shares
        self.series = series
        self.latencyCDFs = latencyCDFs
    }

    /// The scenario hash: FNV-1a-64 (``FNV1a64``) of the scenario's UTF-8 text, as 16 hex digits.
    public static func hash(scenarioText: String) -> String {
        var h = FNV1a64()
        h.combine(scenarioText)
        return h.hex
    }

    /// The identity used to skip duplicates when merging databases and resuming sweeps.
    ///
    /// A sweep point is identified by its sweep and point key (`sweep:<id>/<point>`); any other run
    /// by an FNV-1a-64 hash of scenario hash, seed, policy, version, digest and both timestamps.
    public var runKey: String {
        if let sweepID, let pointKey { return "sweep:\(sweepID)/\(pointKey)" }
        var h = FNV1a64()
        h.combine(scenarioHash)
        h.combine(seed)
        h.combine(policy)
        h.combine(colosimVersion)
        h.combine(digest)
        h.combine(startedAt.timeIntervalSinceReferenceDate)
        h.combine(finishedAt.timeIntervalSinceReferenceDate)
        return "run:" + h.hex
    }

    enum CodingKeys: String, CodingKey {
        case id, scenarioName, scenarioText, scenarioHash, seed, colosimVersion, digest, policy
        case startedAt, finishedAt, sweepID, pointKey, summary, workloads, gpus, shares, series, latencyCDFs
    }

    /// Decodes a record; `id`, `scenarioHash`, `sweepID`, `pointKey` and the metric collections may
    /// be omitted (the hash is computed from the text; a given hash must match it).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(Int64.self, forKey: .id)
        scenarioName = try c.decode(String.self, forKey: .scenarioName)
        scenarioText = try c.decode(String.self, forKey: .scenarioText)
        let computed = RunRecord.hash(scenarioText: scenarioText)
        if let given = try c.decodeIfPresent(String.self, forKey: .scenarioHash), given != computed {
            throw DecodingError.dataCorruptedError(
                forKey: .scenarioHash, in: c,
                debugDescription: "does not match scenarioText (FNV-1a-64 of the text is \(computed), given \(given))")
        }
        scenarioHash = computed
        seed = try c.decode(UInt64.self, forKey: .seed)
        colosimVersion = try c.decode(String.self, forKey: .colosimVersion)
        digest = try c.decode(String.self, forKey: .digest)
        policy = try c.decode(String.self, forKey: .policy)
        startedAt = try c.decode(Date.self, forKey: .startedAt)
        finishedAt = try c.decode(Date.self, forKey: .finishedAt)
        sweepID = try c.decodeIfPresent(String.self, forKey: .sweepID)
        pointKey = try c.decodeIfPresent(String.self, forKey: .pointKey)
        guard (sweepID == nil) == (pointKey == nil) else {
            throw DecodingError.dataCorruptedError(forKey: sweepID == nil ? .sweepID : .pointKey, in: c,
                                                   debugDescription: "sweepID and pointKey must be given together")
        }
        summary = try c.decodeIfPresent([String: MetricValue].self, forKey: .summary) ?? [:]
        workloads = try c.decodeIfPresent([WorkloadMetrics].self, forKey: .workloads) ?? []
        gpus = try c.decodeIfPresent([GPUMetrics].self, forKey: .gpus) ?? []
        shares = try c.decodeIfPresent([ContainerShare].self, forKey: .shares) ?? []
        series = try c.decodeIfPresent([String: [SeriesPoint]].self, forKey: .series) ?? [:]
        latencyCDFs = try c.decodeIfPresent([LatencyCDF].self, forKey: .latencyCDFs) ?? []
    }
}
