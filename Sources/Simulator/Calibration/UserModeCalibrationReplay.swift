import ColoModel
import Isolation
import SimEngine

/// Rebuilds one user-mode measurement (``UserModeCalibrationConfig``) on a device profile and
/// simulates it with the HAMi-core engine (or native time-slicing for policy `none`).
///
/// The run is what `../shared/calibration/hami/run.sh` did: every container is one process (its own
/// context; the driver time-slices between them) with its own HAMi shared region, all HAMi
/// priority 1 (no `CUDA_TASK_PRIORITY` was set), no HAMi node monitor (`policy: force` keeps the
/// switch on; `disable` keeps it off). Kernels are one shape (full SM width, `grid_blocks` blocks of
/// `block_us`), closed loop with `in_flight` kept in flight, or Poisson arrivals served `in_flight`
/// at a time. Containers start together and run `seconds`, except when a Poisson (LS) client runs
/// beside closed-loop (BE) ones: the BE processes run `seconds + 2` s and the LS process starts
/// 1 s after them (`run.sh`: `lsbe-*`, `native-*`); a workload's optional `start_s` / `stop_s` (seconds
/// from the run start) override this. A memory client allocates `chunk_mib` chunks,
/// `cap_mib / chunk_mib` of them, one after the other; the allocation stop is what succeeded.
public enum UserModeCalibrationReplay {
    /// The simulation of `c` on `profile`.
    public static func simulation(for c: UserModeCalibrationConfig, profile: DeviceProfile, seed: UInt64,
                                  nvmlPhase: SimDuration = .zero, hostPidWinner: String? = nil) -> SimulationConfig {
        let lsBesideBE = c.containers.contains { if case .kernels(let r, _, _, _, _) = $0.workload { return r != nil }; return false }
            && c.containers.contains { if case .kernels(let r, _, _, _, _) = $0.workload { return r == nil }; return false }
        var specs: [ContainerSpec] = []
        var end = SimDuration.seconds(c.seconds)
        // The race winner attaches first (processes that start together: the earliest slot wins).
        let ordered = c.containers.filter { $0.name == hostPidWinner } + c.containers.filter { $0.name != hostPidWinner }
        for (i, k) in ordered.enumerated() {
            var start = SimDuration.zero
            var stop = SimDuration.seconds(c.seconds)
            let kind: WorkloadSpec.Kind
            switch k.workload {
            case .kernels(let rate, let inFlight, let kernelUs, let blocks, let blockUs):
                let shape = KernelShape(work: .microseconds(kernelUs), smFraction: 1, dramFraction: 0, gridBlocks: blocks,
                                        blockDuration: .microseconds(min(blockUs, kernelUs)))
                let arrival: ArrivalSpec = rate.map { .poisson(ratePerSecond: $0) } ?? .closedLoop
                kind = .kernels(KernelStreamSpec(arrival: arrival, kernel: shape, inFlight: inFlight))
                if lsBesideBE {
                    if rate == nil {
                        stop = .seconds(c.seconds + 2)
                    } else {
                        start = .seconds(1)
                        stop = .seconds(c.seconds + 1)
                    }
                }
            case .memory(let chunk, let cap):
                kind = .memory(MemorySpec(bytes: Int64(chunk) << 20, count: max(1, cap / chunk)))
            }
            if let s = k.startSeconds { start = .seconds(s) }
            if let s = k.stopSeconds { stop = .seconds(s) }
            end = max(end, stop)
            let w = WorkloadSpec(name: k.name, kind: kind, priority: .bestEffort, start: start, stop: stop)
            let limited = k.limitPercent > 0 && k.limitPercent < 100
            specs.append(ContainerSpec(id: ContainerID(i), name: k.name, priority: .bestEffort, weight: 1,
                                       limitPercent: limited ? Double(k.limitPercent) : nil,
                                       memoryQuotaBytes: c.policy == .none ? nil : k.memoryLimitMiB.map { Int64($0) << 20 },
                                       workloads: [w]))
        }
        var cfg = SimulationConfig(profile: profile, containers: specs, duration: end, seed: seed)
        cfg.drainLimit = .seconds(60)
        cfg.shareWindow = .seconds(1)
        if c.policy != .none {
            var p = UserModeParameters(smCount: Int64(profile.sms), maxThreadsPerSM: Int64(profile.maxThreadsPerSM))
            p.policy = c.policy == .force ? .force : .disable
            p.nvmlSamplePhaseNs = nvmlPhase.nanoseconds
            cfg.launchGate = HAMiLaunchGate(parameters: p, deviceMemoryBytes: profile.memoryBytes)
        }
        return cfg
    }

    /// Phases of NVML's sample clock the replay averages over (``UserModeParameters/nvmlSamplePhaseNs``).
    public static let nvmlPhases = 5

    /// Containers whose processes start together (same start, limits apply): the candidates of the
    /// host-pid race (empty when there is none).
    public static func raceCandidates(_ c: UserModeCalibrationConfig, profile: DeviceProfile) -> [String] {
        guard c.policy != .none else { return [] }
        let sim = simulation(for: c, profile: profile, seed: 1)
        let starts = sim.containers.map { k in (k.name, k.workloads.map(\.start).min() ?? .zero, k.limitPercent != nil) }
        guard let first = starts.map(\.1).min() else { return [] }
        let window = SimDuration(nanoseconds: UserModeParameters(smCount: 1, maxThreadsPerSM: 1).hostPidRaceWindowNs)
        let group = starts.filter { $0.1 - first < window }
        guard group.count > 1, group.contains(where: \.2) else { return [] }
        return group.map(\.0)
    }

    /// Simulates `c` and compares every measured figure with the prediction. With HAMi-core, the
    /// prediction is the mean over ``nvmlPhases`` evenly spaced phases of NVML's sample clock (a real
    /// run has one unknown phase: the expectation over it is the prediction). When containers start
    /// together, which one's host pid they all read is a race: the file's `host_pid_of` names it when
    /// it was recorded; otherwise every candidate is simulated and the outcome closest to the
    /// measurement (most checks held, then the smallest Σ |relative error|) is reported as inferred.
    public static func replay(_ c: UserModeCalibrationConfig, profile: DeviceProfile, seed: UInt64 = 42) throws -> UserModeCalibrationRow {
        let candidates = c.hostPidOf.map { [$0] } ?? raceCandidates(c, profile: profile)
        if candidates.isEmpty { return try replay(c, profile: profile, seed: seed, winner: nil) }
        var rows: [UserModeCalibrationRow] = []
        for w in candidates { rows.append(try replay(c, profile: profile, seed: seed, winner: w)) }
        func score(_ r: UserModeCalibrationRow) -> (Int, Double) {
            (r.checksHeld, -r.checks.reduce(0) { $0 + abs($1.relativeError ?? 1) })
        }
        guard var best = rows.first else { return try replay(c, profile: profile, seed: seed, winner: nil) }
        for r in rows.dropFirst() where score(r) > score(best) { best = r }
        best.winnerInferred = c.hostPidOf == nil && candidates.count > 1
        best.heldByWinner = Dictionary(rows.compactMap { r in r.hostPidWinner.map { ($0, r.checksHeld) } },
                                       uniquingKeysWith: { a, _ in a })
        return best
    }

    /// Simulates `c` with `winner`'s host pid read by every container started with it.
    static func replay(_ c: UserModeCalibrationConfig, profile: DeviceProfile, seed: UInt64, winner: String?) throws -> UserModeCalibrationRow {
        let period = UserModeParameters(smCount: 1, maxThreadsPerSM: 1).nvmlSamplePeriodNs
        let phases = c.policy == .none ? 1 : nvmlPhases
        var results: [SimulationResult] = []
        for k in 0..<phases {
            let phase = SimDuration(nanoseconds: period * Int64(k) / Int64(phases))
            results.append(try GPUSimulation.run(simulation(for: c, profile: profile, seed: seed, nvmlPhase: phase,
                                                            hostPidWinner: winner)))
        }
        var digest = FNV1a64()
        for r in results { digest.combine(r.digest) }
        func mean(_ name: String, _ f: (WorkloadResult) -> Double?) -> Double? {
            let v = results.compactMap { r in r.workloads.first { $0.name == name }.flatMap(f) }
            return v.count == results.count && !v.isEmpty ? v.reduce(0, +) / Double(v.count) : nil
        }
        var predicted: [String: UserModeCalibrationConfig.Measured] = [:]
        var checks: [UserModeCalibrationCheck] = []
        for k in c.containers {
            var p = UserModeCalibrationConfig.Measured()
            let m = k.measured
            if m.throughputPerSecond != nil { p.throughputPerSecond = mean(k.name) { $0.throughputPerSecond } }
            if m.p50Us != nil { p.p50Us = mean(k.name) { $0.latency.map { Double($0.p50.nanoseconds) / 1e3 } } }
            if m.p99Us != nil { p.p99Us = mean(k.name) { $0.latency.map { Double($0.p99.nanoseconds) / 1e3 } } }
            if m.allocatedMiB != nil, case .memory(let chunk, _) = k.workload {
                p.allocatedMiB = mean(k.name) { Double($0.completed * chunk) }
            }
            predicted[k.name] = p
            let solo = c.soloThroughput(of: k)
            let figures: [(String, Double?, Double?)] = [
                ("throughput_per_s", m.throughputPerSecond, p.throughputPerSecond), ("p50_us", m.p50Us, p.p50Us),
                ("p99_us", m.p99Us, p.p99Us), ("allocated_mib", m.allocatedMiB, p.allocatedMiB),
            ]
            for (f, mv, pv) in figures {
                guard let mv else { continue }
                checks.append(.make(container: k.name, figure: f, measured: mv, predicted: pv, solo: solo, n: m.n))
            }
        }
        return UserModeCalibrationRow(config: c, predicted: predicted, checks: checks, digest: digest.value, hostPidWinner: winner)
    }
}
