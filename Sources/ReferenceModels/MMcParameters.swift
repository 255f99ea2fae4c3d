/// The parameters of an M/M/c run, with the defaults of `../shared/reference/mmc_simpy.py`.
public struct MMcParameters: Sendable, Hashable, Codable {
    /// Number of identical servers (GPUs) c.
    public var servers: Int
    /// Poisson arrival rate λ (requests per second).
    public var arrivalRate: Double
    /// Service rate per server μ (1 / mean service time in seconds).
    public var serviceRate: Double
    /// Number of arrivals N.
    public var requests: Int
    /// Requests (in arrival order) excluded from the statistics.
    public var warmup: Int
    /// Run seed: arrivals draw from SplitMix64 stream 0, service demands from stream 1.
    public var seed: UInt64

    /// Creates M/M/c parameters; `warmup` defaults to N/20 as in the reference.
    public init(servers: Int = 8, arrivalRate: Double = 64, serviceRate: Double = 10,
                requests: Int = 100_000, warmup: Int? = nil, seed: UInt64 = 1) {
        self.servers = servers
        self.arrivalRate = arrivalRate
        self.serviceRate = serviceRate
        self.requests = requests
        self.warmup = warmup ?? requests / 20
        self.seed = seed
    }

    /// Offered load per server ρ = λ / (c μ).
    public var utilization: Double { arrivalRate / (Double(servers) * serviceRate) }

    /// Largest number of requests accepted (16 bytes of per-request state each).
    public static let maximumRequests = 1_000_000_000

    /// Throws ``ModelParameterError`` naming the first parameter out of range.
    ///
    /// ρ ≥ 1 is accepted (the queue grows without bound, the run still ends after N arrivals);
    /// only the Erlang C answer is then absent.
    public func validate() throws(ModelParameterError) {
        guard servers >= 1, servers <= 1_000_000 else {
            throw ModelParameterError(field: "--servers", "must be between 1 and 1000000, got \(servers)")
        }
        guard arrivalRate.isFinite, arrivalRate > 0 else {
            throw ModelParameterError(field: "--arrival-rate", "must be a finite number > 0, got \(arrivalRate)")
        }
        guard serviceRate.isFinite, serviceRate > 0 else {
            throw ModelParameterError(field: "--service-rate", "must be a finite number > 0, got \(serviceRate)")
        }
        guard requests >= 1, requests <= Self.maximumRequests else {
            throw ModelParameterError(
                field: "--requests", "must be between 1 and \(Self.maximumRequests), got \(requests)")
        }
        guard warmup >= 0, warmup < requests else {
            throw ModelParameterError(
                field: "--warmup", "must be ≥ 0 and less than --requests (\(requests)), got \(warmup)")
        }
    }
}
