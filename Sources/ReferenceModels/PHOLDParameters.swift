/// The parameters of a PHOLD run, with the defaults of `../shared/reference/phold_simpy.py`.
public struct PHOLDParameters: Sendable, Hashable, Codable {
    /// Number of logical processes N.
    public var lps: Int
    /// Initial events per LP (the constant pending-event population is `lps × population`).
    public var population: Int
    /// Mean of the exponential timestamp increment.
    public var mean: Double
    /// Constant added to every increment.
    public var lookahead: Double
    /// Probability that an event is sent to a uniformly chosen LP instead of its own.
    public var remote: Double
    /// Stop after this many events have been handled (nil: no limit).
    public var events: UInt64?
    /// Stop before the first event with timestamp ≥ this (nil: no limit).
    public var endTime: Double?
    /// Run seed: LP `k` draws from SplitMix64 stream `k` of this seed.
    public var seed: UInt64

    /// Creates PHOLD parameters; with neither `events` nor `endTime`, the run stops after 10^6
    /// events, as the reference does.
    public init(lps: Int = 1024, population: Int = 16, mean: Double = 1.0, lookahead: Double = 0.0,
                remote: Double = 1.0, events: UInt64? = nil, endTime: Double? = nil, seed: UInt64 = 1) {
        self.lps = lps
        self.population = population
        self.mean = mean
        self.lookahead = lookahead
        self.remote = remote
        self.events = events == nil && endTime == nil ? 1_000_000 : events
        self.endTime = endTime
        self.seed = seed
    }

    /// Largest pending-event population accepted (memory: 24 bytes per pending event).
    public static let maximumPendingEvents = 1 << 28

    /// Throws ``ModelParameterError`` naming the first parameter out of range.
    public func validate() throws(ModelParameterError) {
        guard lps >= 1, lps <= Int(Int32.max) else {
            throw ModelParameterError(field: "--lps", "must be between 1 and \(Int32.max), got \(lps)")
        }
        guard population >= 1 else {
            throw ModelParameterError(field: "--pop", "must be at least 1, got \(population)")
        }
        guard lps.multipliedReportingOverflow(by: population).partialValue <= Self.maximumPendingEvents,
              !lps.multipliedReportingOverflow(by: population).overflow else {
            throw ModelParameterError(
                field: "--pop", "lps × pop must be at most \(Self.maximumPendingEvents), got \(lps) × \(population)")
        }
        guard mean.isFinite, mean > 0 else {
            throw ModelParameterError(field: "--mean", "must be a finite number > 0, got \(mean)")
        }
        guard lookahead.isFinite, lookahead >= 0 else {
            throw ModelParameterError(field: "--lookahead", "must be a finite number ≥ 0, got \(lookahead)")
        }
        guard remote.isFinite, remote >= 0, remote <= 1 else {
            throw ModelParameterError(field: "--remote", "must be a probability in [0, 1], got \(remote)")
        }
        if let endTime, !(endTime.isFinite && endTime > 0) {
            throw ModelParameterError(field: "--end-time", "must be a finite number > 0, got \(endTime)")
        }
        if let events, events == 0 {
            throw ModelParameterError(field: "--events", "must be at least 1, got 0")
        }
    }
}
