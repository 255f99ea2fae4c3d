import ColoModel
import SimEngine

/// Events of the single-GPU model.
enum SimEvent: Sendable {
    /// The device's next internal change (completion, switch end, protection expiry).
    case device
    /// An open-loop arrival of workload `w`.
    case arrival(Int)
    /// A launch reaches the device (after the host launch latency).
    case reachDevice(UInt64)
    /// The host sees a launch's completion.
    case seen(UInt64)
    /// A scheduler timer of a domain.
    case schedulerTimer(SliceDomain, UInt64)
    /// A launch-gate timer with its utilization window.
    case gateTimer(UInt64, SimDuration?)
    /// A throttled launch is re-sent to the gate.
    case gateRetry(UInt64)
    /// Workload `w`'s batch deadline (generation).
    case batchTimeout(Int, UInt64)
    /// Periodic frame of render/codec workload `w`.
    case tick(Int)
    /// Workload `w` allocates memory.
    case allocate(Int)
    /// Workload `w` frees `bytes`.
    case free(Int, Int64)
    /// Workload `w` starts.
    case start(Int)
    /// Workload `w` stops issuing requests.
    case stop(Int)
    /// A share window ends.
    case windowEnd
    /// A utilization sample for gate windows.
    case utilSample
    /// The run's nominal end.
    case endOfRun
    /// Container `i`'s process starts: it attaches to the launch gate.
    case attachGate(Int)
    /// A driver sample of NVML's per-process utilization (``GPUDevice/NVMLProcessSampler``).
    case nvmlSample
    /// The warm-up ends: the measurement starts (``SimulationConfig/measureFrom``).
    case measureStart

    /// A small tag for the digest.
    var tag: UInt64 {
        switch self {
        case .device: return 1
        case .arrival(let w): return 2 | UInt64(w) << 8
        case .reachDevice(let id): return 3 | id << 8
        case .seen(let id): return 4 | id << 8
        case .schedulerTimer(_, let t): return 5 | t << 8
        case .gateTimer(let t, _): return 6 | t << 8
        case .gateRetry(let id): return 7 | id << 8
        case .batchTimeout(let w, _): return 8 | UInt64(w) << 8
        case .tick(let w): return 9 | UInt64(w) << 8
        case .allocate(let w): return 10 | UInt64(w) << 8
        case .free(let w, _): return 11 | UInt64(w) << 8
        case .start(let w): return 12 | UInt64(w) << 8
        case .stop(let w): return 13 | UInt64(w) << 8
        case .windowEnd: return 14
        case .utilSample: return 15
        case .endOfRun: return 16
        case .attachGate(let i): return 17 | UInt64(i) << 8
        case .nvmlSample: return 18
        case .measureStart: return 19
        }
    }
}
