import ColoModel
import SimEngine

/// How `colocal.cu` (`../shared/calibration/colocal.cu`, the probe behind every measured
/// configuration) counts one client's figures: the replay measures the simulated client the same way.
///
/// - `be` mode (a closed loop that keeps 2 kernels in flight, `run_be`): the loop launches a kernel
///   and then synchronizes on the one before it, while the clock reads less than `seconds`; after the
///   loop a stream synchronize waits for the last launch. It returns `done / elapsed`: `done` counts
///   the synchronizations inside the loop (every launch but the last), and `elapsed` runs to the
///   final synchronize. Under HAMi-core a launch blocks in `rate_limiter` until the pool has tokens,
///   so a run that ends in a throttled phase carries its last launch's wait in `elapsed`.
/// - `ls` mode (`run_ls`): arrivals scheduled by a Poisson clock over `seconds`, one request in
///   flight; latency is completion − scheduled arrival. The synchronizing client of `run.sh`
///   (`ls 200 50000`: arrivals scheduled at 50,000/s, far above any completion rate) is therefore
///   a back-to-back client that issues about `seconds × 50,000` requests and runs until they are done:
///   its throughput is `n / (seconds + largest latency)` (README there), here n / (last completion −
///   start).
public enum ColocalClient: Hashable, Sendable {
    /// `run_be`: `done / elapsed` as above.
    case backToBack
    /// `run_ls` with arrivals scheduled at `ratePerSecond`: n / time to the last completion.
    case scheduled(ratePerSecond: Double)
    /// `run_ls` at the workload's own Poisson rate: latency figures only.
    case poisson

    /// The arrival rate `run.sh` gives the synchronizing client (`$B ls 200 50000 0 $T solo-closed`).
    public static let synchronizingClientRatePerSecond = 50_000.0

    /// The mode behind a normalized kernel workload: a closed loop with one in flight is the
    /// synchronizing `ls` client, one with more is `run_be`, a Poisson rate is `run_ls`; nil for a
    /// memory client (`memprobe.cu`, no kernels).
    public init?(_ w: UserModeCalibrationConfig.Workload) {
        guard case .kernels(let rate, let inFlight, _, _, _) = w else { return nil }
        if rate != nil {
            self = .poisson
        } else if inFlight <= 1 {
            self = .scheduled(ratePerSecond: Self.synchronizingClientRatePerSecond)
        } else {
            self = .backToBack
        }
    }

    /// The client's throughput as `colocal.cu` prints it, from the simulated workload: `completed`
    /// requests, the host seeing the last one at `lastCompletion`, the client started at `start`.
    /// Nil for a Poisson client or when nothing completed.
    public func throughput(completed: Int, start: SimDuration, lastCompletion: Instant) -> Double? {
        let elapsed = Double((lastCompletion - (Instant.zero + start)).nanoseconds) * 1e-9
        guard elapsed > 0 else { return nil }
        switch self {
        case .backToBack: return completed > 0 ? Double(completed - 1) / elapsed : nil
        case .scheduled: return completed > 0 ? Double(completed) / elapsed : nil
        case .poisson: return nil
        }
    }
}
