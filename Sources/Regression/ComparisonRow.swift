/// One row of the verdict table: a metric (or a case's digest) golden against now.
public struct ComparisonRow: Sendable, Hashable {
    /// The case.
    public var caseName: String
    /// The metric name, or `digest`.
    public var metric: String
    /// Golden value (nil: none).
    public var golden: Double?
    /// Value now (nil: not produced).
    public var now: Double?
    /// Golden digest (digest rows only).
    public var goldenDigest: String?
    /// Digest now (digest rows only).
    public var nowDigest: String?
    /// The verdict.
    public var verdict: Verdict

    /// Whether this is a case's digest row.
    public var isDigest: Bool { goldenDigest != nil || nowDigest != nil }

    /// now − golden, when both exist.
    public var delta: Double? {
        guard let golden, let now else { return nil }
        return now - golden
    }

    /// (now − golden) / |golden|, when both exist and golden ≠ 0.
    public var relativeDelta: Double? {
        guard let golden, let now, golden != 0 else { return nil }
        return (now - golden) / abs(golden)
    }
}
