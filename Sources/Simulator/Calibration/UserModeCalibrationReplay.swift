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
/// from the run start) override this. Under HAMi-core each process starts (its watcher thread
/// runs) the measured lead before its client's t0 (``watcherLeadAlone``, ``watcherLeadTogether``);
/// each client is counted as `colocal.cu` counts it (``ColocalClient``). A memory client allocates
/// `chunk_mib` chunks, `cap_mib / chunk_mib` of them, one after the other; the allocation stop is
/// what succeeded.
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
        let processStarts = ordered.map { processStart(of: $0, lsBesideBE: lsBesideBE) }
        for (i, k) in ordered.enumerated() {
            var start = processStarts[i]
            var stop = k.stopSeconds.map { SimDuration.seconds($0) } ?? start + .seconds(c.seconds)
            let kind: WorkloadSpec.Kind
            switch k.workload {
            case .kernels(let rate, let inFlight, let kernelUs, let blocks, let blockUs):
                let shape = KernelShape(work: .microseconds(kernelUs), smFraction: 1, dramFraction: 0, gridBlocks: blocks,
                                        blockDuration: .microseconds(min(blockUs, kernelUs)))
                let arrival: ArrivalSpec
                if case .scheduled(let r) = ColocalClient(k.workload) {
                    arrival = .poisson(ratePerSecond: r)
                } else {
                    arrival = rate.map { .poisson(ratePerSecond: $0) } ?? .closedLoop
                }
                kind = .kernels(KernelStreamSpec(arrival: arrival, kernel: shape, inFlight: inFlight))
                // run.sh: the BE process runs `seconds + 2` beside an LS client started 1 s after it.
                if lsBesideBE, rate == nil, k.stopSeconds == nil { stop = start + .seconds(c.seconds + 2) }
            case .memory(let chunk, let cap):
                kind = .memory(MemorySpec(bytes: Int64(chunk) << 20, count: max(1, cap / chunk)))
            }
            // Under HAMi-core the process (its watcher) starts a lead before the client's t0.
            let processStart = start
            if c.policy != .none {
                let together = processStarts.indices.contains { $0 != i && processStarts[$0] == processStarts[i] }
                let lead = together ? watcherLeadTogether : watcherLeadAlone
                start = start + lead
                stop = stop + lead
            }
            end = max(end, stop)
            let w = WorkloadSpec(name: k.name, kind: kind, priority: .bestEffort, start: start, stop: stop)
            let limited = k.limitPercent > 0 && k.limitPercent < 100
            specs.append(ContainerSpec(id: ContainerID(i), name: k.name, priority: .bestEffort, weight: 1,
                                       limitPercent: limited ? Double(k.limitPercent) : nil,
                                       memoryQuotaBytes: c.policy == .none ? nil : k.memoryLimitMiB.map { Int64($0) << 20 },
                                       workloads: [w]))
            if c.policy != .none { specs[specs.count - 1].processStart = processStart }
        }
        var cfg = SimulationConfig(profile: profile, containers: specs, duration: end, seed: seed)
        // Clients run until their last request is seen (the synchronizing client of run 1 took 305 s).
        cfg.drainLimit = .seconds(drainLimitSeconds)
        cfg.shareWindow = .seconds(1)
        if c.policy != .none {
            var p = UserModeParameters(smCount: Int64(profile.sms), maxThreadsPerSM: Int64(profile.maxThreadsPerSM))
            p.policy = c.policy == .force ? .force : .disable
            p.nvmlSamplePhaseNs = nvmlPhase.nanoseconds
            cfg.launchGate = HAMiLaunchGate(parameters: p, deviceMemoryBytes: profile.memoryBytes)
        }
        return cfg
    }

    /// How long before its client's first kernel a process's HAMi-core watcher thread starts: from
    /// `init_utilization_watcher` (in `postInit`, at `cuInit`) to `colocal.cu`'s t0, the rest of the
    /// CUDA runtime's initialisation. Measured in run 3 (`calibration/hami/hami-h200-run3-watch.txt`,
    /// the `setspec:` log line against the client's t0, both stamped on one clock): a process
    /// starting alone 114.9 ms (mean of 11 runs, 96–127 ms); so the watcher's first pass falls within
    /// ±26 ms of the first kernel, not 120 ms after it.
    public static let watcherLeadAlone = SimDuration.milliseconds(114.9)
    /// The same for two processes starting together (they initialise side by side): 211.3 ms (mean of
    /// 6, 176–253 ms), so the first pass comes before the first kernel and reads utilization 0.
    public static let watcherLeadTogether = SimDuration.milliseconds(211.3)

    /// When `k`'s process starts in `run.sh` (seconds from the run start), before any lead.
    static func processStart(of k: UserModeCalibrationConfig.Container, lsBesideBE: Bool) -> SimDuration {
        if let s = k.startSeconds { return .seconds(s) }
        if lsBesideBE, case .kernels(let rate, _, _, _, _) = k.workload, rate != nil { return .seconds(1) }
        return .zero
    }

    /// How long the replay lets clients finish after the run (a bound, not a target).
    public static let drainLimitSeconds = 3_600.0

    /// Phases of NVML's sample clock the replay averages over (``UserModeParameters/nvmlSamplePhaseNs``).
    public static let nvmlPhases = 5

    /// Containers whose processes start together (within the race window of the earliest, limits
    /// apply): the candidates of the host-pid race (empty when there is none). The processes' starts
    /// are the ones the gate attaches at (``ColoModel/ContainerSpec/effectiveProcessStart``).
    public static func raceCandidates(_ c: UserModeCalibrationConfig, profile: DeviceProfile) -> [String] {
        guard c.policy != .none else { return [] }
        let sim = simulation(for: c, profile: profile, seed: 1)
        let starts = sim.containers.map { k in (k.name, k.effectiveProcessStart, k.limitPercent != nil) }
        guard let first = starts.map(\.1).min() else { return [] }
        let window = SimDuration(nanoseconds: UserModeParameters(smCount: 1, maxThreadsPerSM: 1).hostPidRaceWindowNs)
        let group = starts.filter { $0.1 - first < window }
        guard group.count > 1, group.contains(where: \.2) else { return [] }
        return group.map(\.0)
    }

    /// Replications of every configuration the replay averages over by default: each one a run of
    /// every NVML phase (``nvmlPhases``) with its own arrival seed (`seed`, `seed + 1`, …). One run's
    /// LS p50 is one draw of a noisy figure: over 16 seeds of run 1 (`hami-h200-run1.configs.jsonl`,
    /// seeds 1–16, docs/isolation.md), the standard deviation of a seed's prediction reached 0.97 of
    /// the check's tolerance (lsbe-L100-L30 p50: 67 µs against 69) and 0.55 of it elsewhere (pair
    /// L30/L70), while one seed's checks held ranged 24–27 of 28. With 16 replications the standard
    /// error of every prediction of run 1 is at most a quarter of its tolerance.
    public static let defaultReplications = 16

    /// Simulates `c` and compares every measured figure with the prediction. With HAMi-core, the
    /// prediction is the mean over ``nvmlPhases`` evenly spaced phases of NVML's sample clock (a real
    /// run has one unknown phase: the expectation over it is the prediction) and over `replications`
    /// arrival seeds (`seed`, `seed + 1`, …: a real run has one unknown arrival sequence), with the
    /// standard error over the replications. When containers start together, which one's host pid
    /// they all read is a race: the file's `host_pid_of` names it when it was recorded; otherwise every
    /// candidate is simulated and the outcome closest to the measurement (most checks held, then the
    /// smallest Σ |relative error|) is reported as inferred. The runs go on `jobs` threads; the result
    /// does not depend on it.
    public static func replay(_ c: UserModeCalibrationConfig, profile: DeviceProfile, seed: UInt64 = 42,
                              replications: Int = defaultReplications, jobs: Int = 1) throws -> UserModeCalibrationRow {
        let runs = Runs(seed: seed, replications: max(1, replications), jobs: jobs)
        let candidates = c.hostPidOf.map { [$0] } ?? raceCandidates(c, profile: profile)
        if candidates.isEmpty { return try replay(c, profile: profile, runs: runs, winner: nil) }
        var rows: [UserModeCalibrationRow] = []
        for w in candidates { rows.append(try replay(c, profile: profile, runs: runs, winner: w)) }
        func score(_ r: UserModeCalibrationRow) -> (Int, Double) {
            (r.checksHeld, -r.checks.reduce(0) { $0 + abs($1.relativeError ?? 1) })
        }
        guard var best = rows.first else { return try replay(c, profile: profile, runs: runs, winner: nil) }
        for r in rows.dropFirst() where score(r) > score(best) { best = r }
        best.winnerInferred = c.hostPidOf == nil && candidates.count > 1
        best.heldByWinner = Dictionary(rows.compactMap { r in r.hostPidWinner.map { ($0, r.checksHeld) } },
                                       uniquingKeysWith: { a, _ in a })
        return best
    }

    /// The runs behind one prediction: `replications` arrival seeds from `seed`, on `jobs` threads.
    struct Runs {
        var seed: UInt64
        var replications: Int
        var jobs: Int
    }

    /// Simulates `c` with `winner`'s host pid read by every container started with it.
    static func replay(_ c: UserModeCalibrationConfig, profile: DeviceProfile, runs: Runs, winner: String?) throws -> UserModeCalibrationRow {
        let period = UserModeParameters(smCount: 1, maxThreadsPerSM: 1).nvmlSamplePeriodNs
        let phases = c.policy == .none ? 1 : nvmlPhases
        let sims = (0..<(runs.replications * phases)).map { i in
            let phase = SimDuration(nanoseconds: period * Int64(i % phases) / Int64(phases))
            return simulation(for: c, profile: profile, seed: runs.seed &+ UInt64(i / phases), nvmlPhase: phase,
                              hostPidWinner: winner)
        }
        let results = try ParallelMap.run(sims.count, jobs: runs.jobs) { try GPUSimulation.run(sims[$0]) }
        var starts: [String: SimDuration] = [:]
        for w in sims.first?.containers.flatMap(\.workloads) ?? [] { starts[w.name] = w.start }
        var digest = FNV1a64()
        for r in results { digest.combine(r.digest) }
        /// The mean of `f` over the runs, with its standard error over the replications (each the mean
        /// of its phases); nil when a run produced no value.
        func estimate(_ name: String, _ f: (SimulationResult, WorkloadResult) -> Double?) -> Estimate? {
            var means: [Double] = []
            for r in 0..<runs.replications {
                let v = results[(r * phases)..<((r + 1) * phases)].compactMap { res in
                    res.workloads.first { $0.name == name }.flatMap { f(res, $0) }
                }
                guard v.count == phases else { return nil }
                means.append(v.reduce(0, +) / Double(phases))
            }
            return Estimate(means)
        }
        func estimate(_ name: String, _ f: (WorkloadResult) -> Double?) -> Estimate? { estimate(name) { f($1) } }
        var predicted: [String: UserModeCalibrationConfig.Measured] = [:]
        var checks: [UserModeCalibrationCheck] = []
        for k in c.containers {
            var p = UserModeCalibrationConfig.Measured()
            var se: [String: Double] = [:]
            let m = k.measured
            if m.throughputPerSecond != nil {
                // Counted as colocal.cu counts it (``ColocalClient``), not over the configured seconds.
                let client = ColocalClient(k.workload)
                let start = starts[k.name] ?? .zero
                let e = estimate(k.name) { r, w in
                    r.lastCompletion[k.name].flatMap { client?.throughput(completed: w.completed, start: start, lastCompletion: $0) }
                }
                p.throughputPerSecond = e?.mean
                se["throughput_per_s"] = e?.standardError
            }
            if m.p50Us != nil {
                let e = estimate(k.name) { $0.latency.map { Double($0.p50.nanoseconds) / 1e3 } }
                p.p50Us = e?.mean
                se["p50_us"] = e?.standardError
            }
            if m.p99Us != nil {
                let e = estimate(k.name) { $0.latency.map { Double($0.p99.nanoseconds) / 1e3 } }
                p.p99Us = e?.mean
                se["p99_us"] = e?.standardError
            }
            if m.allocatedMiB != nil, case .memory(let chunk, _) = k.workload {
                let e = estimate(k.name) { Double($0.completed * chunk) }
                p.allocatedMiB = e?.mean
                se["allocated_mib"] = e?.standardError
            }
            predicted[k.name] = p
            let solo = c.soloThroughput(of: k)
            let figures: [(String, Double?, Double?)] = [
                ("throughput_per_s", m.throughputPerSecond, p.throughputPerSecond), ("p50_us", m.p50Us, p.p50Us),
                ("p99_us", m.p99Us, p.p99Us), ("allocated_mib", m.allocatedMiB, p.allocatedMiB),
            ]
            for (f, mv, pv) in figures {
                guard let mv else { continue }
                var check = UserModeCalibrationCheck.make(container: k.name, figure: f, measured: mv, predicted: pv, solo: solo, n: m.n)
                check.standardError = se[f]
                checks.append(check)
            }
        }
        return UserModeCalibrationRow(config: c, predicted: predicted, checks: checks, digest: digest.value,
                                      hostPidWinner: winner, replications: runs.replications)
    }

    /// A prediction's mean over replications and its standard error (nil with one replication).
    struct Estimate {
        var mean: Double
        var standardError: Double?

        init?(_ values: [Double]) {
            guard !values.isEmpty else { return nil }
            let n = Double(values.count)
            mean = values.reduce(0, +) / n
            if values.count > 1 {
                let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
                standardError = (variance / n).squareRoot()
            }
        }
    }
}
