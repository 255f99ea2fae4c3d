import SimEngine
import Workload

/// M/M/c event handler: arrivals and departures of an FCFS queue in front of `c` servers.
///
/// Semantics exactly as the `heapq` mode of `../shared/reference/mmc_simpy.py`: an arrival draws
/// its service demand (stream 1), schedules the next arrival (stream 0) and then, if a server is
/// free, its own departure; a departure starts the head of the queue, if any. Events are ordered
/// by (time, insertion sequence) as in the reference.
///
/// Per-request state is two arrays, each slot reused as the request progresses:
/// `latency[i]` holds the arrival time until the departure, then the latency;
/// `wait[i]` holds the service demand until the request starts, then its wait.
struct MMcModel: EventHandler {
    typealias Time = Double
    typealias Event = MMcEvent

    let servers: Int
    let requests: Int
    let interarrivalMean: Double
    let serviceMean: Double
    var arrivalStream: SplitMix64
    var serviceStream: SplitMix64
    var latency: [Double]
    var wait: [Double]
    /// Servers busy.
    var busy = 0
    /// Waiting requests are always a contiguous range of arrival indices `queueHead..<queueTail`:
    /// while anyone waits every server is busy, so every arrival joins the tail (FCFS).
    var queueHead = 0
    var queueTail = 0
    /// Time of the last departure (the reference's `sim_end_time`).
    var lastDeparture = 0.0
    /// Sum of the service demands of all requests (server-seconds of work).
    var work = 0.0

    init(_ p: MMcParameters) {
        servers = p.servers
        requests = p.requests
        interarrivalMean = 1.0 / p.arrivalRate
        serviceMean = 1.0 / p.serviceRate
        arrivalStream = SplitMix64(seed: p.seed, stream: 0)
        serviceStream = SplitMix64(seed: p.seed, stream: 1)
        latency = Array(repeating: 0, count: p.requests)
        wait = Array(repeating: 0, count: p.requests)
    }

    @inline(__always)
    mutating func handle(_ event: MMcEvent, id: EventID, in sim: inout Simulation<Double, MMcEvent>) -> StepResult {
        let t = sim.now
        let i = Int(event.request)
        if !event.isDeparture {
            latency[i] = t
            let service = serviceStream.exp(mean: serviceMean)
            work += service
            if i + 1 < requests {
                sim.schedule(MMcEvent(request: UInt32(i + 1), isDeparture: false),
                             at: t + arrivalStream.exp(mean: interarrivalMean))
            }
            if busy < servers {
                busy += 1
                wait[i] = 0.0
                sim.schedule(MMcEvent(request: UInt32(i), isDeparture: true), at: t + service)
            } else {
                if queueHead == queueTail {
                    queueHead = i
                    queueTail = i
                }
                assert(i == queueTail, "MMcModel: queued requests must be contiguous")
                wait[i] = service
                queueTail = i + 1
            }
        } else {
            latency[i] = t - latency[i]
            lastDeparture = t
            if queueHead < queueTail {
                let j = queueHead
                queueHead += 1
                let service = wait[j]
                wait[j] = t - latency[j]
                sim.schedule(MMcEvent(request: UInt32(j), isDeparture: true), at: t + service)
            } else {
                busy -= 1
            }
        }
        return .continue
    }
}
