/// How requests of a workload arrive.
public enum ArrivalSpec: Hashable, Codable, Sendable {
    /// Open loop: Poisson arrivals at `ratePerSecond` (exponential gaps from the workload's own
    /// random stream).
    case poisson(ratePerSecond: Double)
    /// Open loop: one arrival every `1 / ratePerSecond` seconds.
    case periodic(ratePerSecond: Double)
    /// Closed loop: a new request as soon as one finishes (kept fed), up to the in-flight limit.
    case closedLoop
}
