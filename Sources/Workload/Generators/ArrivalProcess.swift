/// How requests of an online service arrive (a value-type description; ``ArrivalGenerator`` draws them).
public enum ArrivalProcess: Sendable, Equatable {
    /// Homogeneous Poisson arrivals at `rate` requests per second.
    case poisson(rate: Double)
    /// Poisson arrivals whose rate follows a daily cosine (``DiurnalRate``).
    case diurnal(DiurnalRate)
    /// Poisson arrivals whose rate is the step series `rate` (req/s), e.g. a ServeGen aggregate
    /// or a generic `time_s,rate` trace; after the series ends its last value holds.
    case rateCurve(TimeSeries)
    /// ServeGen windows: inter-arrival times drawn from each window's fitted Gamma/Weibull,
    /// rescaled to the window's rate (as ServeGen's own generator does); Poisson where no
    /// distribution is given.
    case serveGen([ServeGenWindow])
    /// Replays the given arrival instants (seconds, non-decreasing), e.g. an Azure trace's
    /// ``AzureLLMTrace/arrivalTimes``; no randomness.
    case replay([Double])
    /// Replays LLM requests with their token counts (e.g. ``AzureLLMTrace/requests``); no randomness.
    case llmRequests([AzureLLMRequest])
}

/// A diurnal arrival rate λ(t) = mean · (1 + a·cos(2π(t − peak)/86 400 s)) with
/// a = (r − 1)/(r + 1) for a peak-to-trough ratio r, so that the daily mean is exactly `mean`.
public struct DiurnalRate: Sendable, Equatable {
    /// Daily mean rate, requests per second.
    public var mean: Double
    /// Peak rate / trough rate (≥ 1).
    public var peakToTrough: Double
    /// Hour of day (0–24) of the peak; time 0 is midnight.
    public var peakHour: Double

    /// Creates a diurnal rate.
    public init(mean: Double, peakToTrough: Double = 4, peakHour: Double = 14) {
        self.mean = mean
        self.peakToTrough = peakToTrough
        self.peakHour = peakHour
    }

    /// The cosine's relative amplitude a = (r − 1)/(r + 1).
    public var amplitude: Double { (max(1, peakToTrough) - 1) / (max(1, peakToTrough) + 1) }

    /// The rate at time `t` seconds.
    public func rate(at t: Double) -> Double {
        mean * (1 + amplitude * _cos(2 * Double.pi * (t / 86_400 - peakHour / 24)))
    }

    /// The highest rate of the day, mean·(1 + a).
    public var peak: Double { mean * (1 + amplitude) }
}
