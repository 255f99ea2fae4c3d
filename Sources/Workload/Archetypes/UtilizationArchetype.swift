/// The four synthetic GPU-utilization archetypes of DESIGN §8, each with its parameters.
///
/// - `lowAverage`: mostly a few percent, peaks about 10%;
/// - `peakValley`: a diurnal cycle, day peak and night trough, mean about 20%;
/// - `shortSpike`: a moderate base with short spikes to about 80%, mean above 30%;
/// - `periodic`: near idle with a batch burst about every 15 minutes.
/// ``generate(seed:duration:step:)`` turns one into a utilization ``TimeSeries`` (fractions 0…1),
/// deterministic for a seed (one ``RandomSource`` stream per archetype).
public enum UtilizationArchetype: Sendable, Equatable {
    /// Low average: peaks ~10%.
    case lowAverage(LowAverageParameters)
    /// Peak-valley: day peak, night trough, mean ~20%.
    case peakValley(PeakValleyParameters)
    /// Short spikes to ~80% over a base, mean > 30%.
    case shortSpike(ShortSpikeParameters)
    /// A batch every ~15 min.
    case periodic(PeriodicParameters)

    /// The archetype names used by the CLI and scenarios.
    public static let names = ["low-average", "peak-valley", "short-spike", "periodic"]

    /// The archetype called `name` (see ``names``) with default parameters; nil if unknown.
    public init?(name: String) {
        switch name {
        case "low-average": self = .lowAverage(LowAverageParameters())
        case "peak-valley": self = .peakValley(PeakValleyParameters())
        case "short-spike": self = .shortSpike(ShortSpikeParameters())
        case "periodic": self = .periodic(PeriodicParameters())
        default: return nil
        }
    }

    /// The archetype's name (see ``names``).
    public var name: String {
        switch self {
        case .lowAverage: "low-average"
        case .peakValley: "peak-valley"
        case .shortSpike: "short-spike"
        case .periodic: "periodic"
        }
    }
}

/// Parameters of the low-average archetype.
public struct LowAverageParameters: Sendable, Equatable {
    /// Level the utilization wanders around (fraction).
    public var base = 0.03
    /// Standard deviation of the AR(1) wander around `base`.
    public var noise = 0.01
    /// The ceiling bursts reach; nothing exceeds it.
    public var peak = 0.10
    /// Bursts per hour (Poisson).
    public var burstsPerHour = 2.0
    /// Mean burst length, seconds (exponential).
    public var burstSeconds = 300.0
    /// Creates the default parameters.
    public init() {}
}

/// Parameters of the peak-valley (diurnal) archetype: mean + amplitude·cos(2π(t − peak)/1 day).
public struct PeakValleyParameters: Sendable, Equatable {
    /// Daily mean (fraction).
    public var mean = 0.20
    /// Half the peak-to-trough swing.
    public var amplitude = 0.15
    /// Hour of day (0–24) of the peak; the trough is 12 h later.
    public var peakHour = 14.0
    /// Standard deviation of the AR(1) noise added.
    public var noise = 0.02
    /// Creates the default parameters.
    public init() {}
}

/// Parameters of the short-spike archetype.
public struct ShortSpikeParameters: Sendable, Equatable {
    /// Level between spikes (fraction).
    public var base = 0.28
    /// Standard deviation of the AR(1) wander around `base`.
    public var noise = 0.03
    /// Spike level; nothing exceeds it.
    public var peak = 0.80
    /// Spikes per hour (Poisson).
    public var spikesPerHour = 4.0
    /// Mean spike length, seconds (exponential, at least one step).
    public var spikeSeconds = 120.0
    /// Creates the default parameters.
    public init() {}
}

/// Parameters of the periodic (batch) archetype.
public struct PeriodicParameters: Sendable, Equatable {
    /// Nominal time between batch starts, seconds.
    public var period = 900.0
    /// Standard deviation of each batch start around its slot, seconds.
    public var jitter = 30.0
    /// Batch length, seconds.
    public var batchSeconds = 180.0
    /// Utilization during a batch.
    public var batchLevel = 0.60
    /// Utilization between batches.
    public var idleLevel = 0.02
    /// Standard deviation of noise on both levels.
    public var noise = 0.02
    /// Creates the default parameters.
    public init() {}
}
