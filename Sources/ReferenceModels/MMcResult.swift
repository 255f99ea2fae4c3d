import SimEngine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Summary statistics of an M/M/c run, computed exactly as `../shared/reference/mmc_simpy.py`.
///
/// Over requests i ≥ warmup in arrival order: means are naive left-to-right sums divided by the
/// count; percentiles are nearest-rank (`sorted[ceil(q · count) − 1]`); P(wait) counts waits > 0.
/// The replay checksum is FNV-1a-64 over the IEEE-754 bits of every latency (warm-up included).
public struct MMcResult: Sendable, Hashable, Codable {
    /// The parameters of the run.
    public var parameters: MMcParameters
    /// Model events handled (2N).
    public var events: UInt64
    /// Time of the last departure, seconds.
    public var endTime: Double
    /// Busy fraction of the servers over the whole run: work / (c × end time).
    public var utilization: Double
    /// Requests the statistics cover (N − warmup).
    public var statisticsCount: Int
    /// Mean latency (sojourn time), seconds.
    public var latencyMean: Double
    /// Median latency (nearest rank), seconds.
    public var latencyP50: Double
    /// 99th-percentile latency (nearest rank), seconds.
    public var latencyP99: Double
    /// Mean wait in the queue, seconds.
    public var waitMean: Double
    /// Fraction of requests that waited.
    public var pWait: Double
    /// FNV-1a-64 over the latency bit patterns (the reference's `latency_fnv1a64`).
    public var checksum: UInt64
    /// The analytic answer; nil when ρ ≥ 1.
    public var erlangC: ErlangC?
    /// Run digest: FNV-1a-64 of the parameters, the latency checksum and every result scalar.
    public var digest: UInt64

    /// The checksum as 16 lowercase hex digits.
    public var checksumHex: String { FNV1a64.hex(checksum) }
    /// The digest as 16 lowercase hex digits.
    public var digestHex: String { FNV1a64.hex(digest) }

    /// Summarises `trace`.
    public init(_ trace: MMcTrace) {
        let p = trace.parameters
        parameters = p
        events = trace.events
        endTime = trace.endTime
        utilization = trace.work / (Double(p.servers) * trace.endTime)
        let selected = trace.latencies[p.warmup...]
        let count = selected.count
        statisticsCount = count
        var total = 0.0
        for x in selected { total += x }
        latencyMean = total / Double(count)
        var waitTotal = 0.0
        var waited = 0
        for x in trace.waits[p.warmup...] {
            waitTotal += x
            if x > 0.0 { waited += 1 }
        }
        waitMean = waitTotal / Double(count)
        pWait = Double(waited) / Double(count)
        let sorted = selected.sorted()
        func percentile(_ q: Double) -> Double {
            sorted[max(0, Int((q * Double(count)).rounded(.up)) - 1)]
        }
        latencyP50 = percentile(0.50)
        latencyP99 = percentile(0.99)
        var fnv = FNV1a64()
        for x in trace.latencies { fnv.combine(x) }
        checksum = fnv.value
        erlangC = ErlangC(servers: p.servers, arrivalRate: p.arrivalRate, serviceRate: p.serviceRate)

        var d = FNV1a64()
        d.combine("mmc")
        d.combine(UInt64(p.servers))
        d.combine(p.arrivalRate)
        d.combine(p.serviceRate)
        d.combine(UInt64(p.requests))
        d.combine(UInt64(p.warmup))
        d.combine(p.seed)
        d.combine(events)
        d.combine(endTime)
        d.combine(checksum)
        for x in [utilization, latencyMean, latencyP50, latencyP99, waitMean, pWait] { d.combine(x) }
        digest = d.value
    }
}
