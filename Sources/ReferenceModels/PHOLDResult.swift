import SimEngine

/// What a PHOLD run produced: the figures `phold_simpy.py` prints, plus a run digest.
public struct PHOLDResult: Sendable, Hashable, Codable {
    /// The parameters of the run.
    public var parameters: PHOLDParameters
    /// Events handled.
    public var events: UInt64
    /// Timestamp of the last handled event.
    public var lastTimestamp: Double
    /// FNV-1a-64 of the per-LP event counts (the references' `lp_count_fnv1a64`).
    public var checksum: UInt64
    /// Why the run ended (`event-limit`, `time-limit` or `queue-empty`).
    public var stopReason: String
    /// Run digest: FNV-1a-64 of the parameters, the event trace (timestamp, LP of every event)
    /// and the result scalars; identical for identical runs.
    public var digest: UInt64

    /// The checksum as 16 lowercase hex digits.
    public var checksumHex: String { FNV1a64.hex(checksum) }
    /// The digest as 16 lowercase hex digits.
    public var digestHex: String { FNV1a64.hex(digest) }
}
