/// The raw outcome of an M/M/c run: per-request latency and wait in arrival order.
public struct MMcTrace: Sendable {
    /// The parameters of the run.
    public var parameters: MMcParameters
    /// Departure − arrival of request i, seconds.
    public var latencies: [Double]
    /// Start of service − arrival of request i, seconds (0 for requests served at once).
    public var waits: [Double]
    /// Model events handled (one arrival and one departure per request: 2N).
    public var events: UInt64
    /// Time of the last departure.
    public var endTime: Double
    /// Sum of all service demands, server-seconds.
    public var work: Double
}
