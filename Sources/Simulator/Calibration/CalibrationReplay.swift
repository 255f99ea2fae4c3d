import ColoModel
import SimEngine

/// LS latency and BE throughput of one calibration configuration, measured or predicted.
public struct CalibrationFigures: Hashable, Sendable, Codable {
    /// LS median latency, µs (nil: no LS).
    public var p50Us: Double?
    /// LS 99th-percentile latency, µs (nil: no LS).
    public var p99Us: Double?
    /// LS mean latency, µs (nil: no LS).
    public var meanUs: Double?
    /// BE kernels per second (nil: no BE).
    public var beKernelsPerSecond: Double?
    /// Whether the LS queue is unstable: mean latency > 2% of the run length (nil: no LS).
    public var unstable: Bool?
}

/// Measured against predicted figures of one configuration.
public struct CalibrationRow: Hashable, Sendable {
    /// The configuration.
    public var config: CalibrationConfig
    /// What the real GPU showed.
    public var measured: CalibrationFigures
    /// What the simulator predicts.
    public var predicted: CalibrationFigures

    /// Relative error (predicted − measured) / measured, nil when either is missing.
    public static func error(_ predicted: Double?, _ measured: Double?) -> Double? {
        guard let p = predicted, let m = measured, m != 0 else { return nil }
        return (p - m) / m
    }

    /// Whether this row meets the calibration README targets: instability predicted exactly;
    /// if stable, p50 within 25% and p99 within 35%; BE throughput within 10%.
    public var meetsTargets: Bool {
        if measured.unstable != predicted.unstable { return false }
        if measured.unstable == false {
            guard let e50 = Self.error(predicted.p50Us, measured.p50Us), abs(e50) <= 0.25,
                  let e99 = Self.error(predicted.p99Us, measured.p99Us), abs(e99) <= 0.35 else { return false }
        }
        if measured.beKernelsPerSecond != nil {
            guard let e = Self.error(predicted.beKernelsPerSecond, measured.beKernelsPerSecond), abs(e) <= 0.10 else {
                return false
            }
        }
        return true
    }
}

/// Rebuilds a calibration configuration as a simulation, mirroring `colocal.cu` and `run.sh`
/// (`../shared/calibration/`):
/// - LS: Poisson arrivals for `seconds`, one request at a time, each one kernel of one full wave
///   (SMs × blocks/SM blocks, each running the whole kernel time); latency = host completion −
///   arrival; the client drains its queue after the arrivals stop.
/// - BE: back-to-back kernels of `be_kernel_ms` made of `be_block_us` waves, `be_in_flight` in
///   flight (launch k, wait for k − 1); throughput = kernels seen complete / its run time.
/// - `solo`: alone for `seconds`. `procs`: two containers (two contexts, native time-slicing);
///   the BE process runs `seconds + 2` s, the LS process starts 1 s after it (`run.sh`). `streams`
///   / `prio`: one container, two streams (LS at a higher stream priority for `prio`); BE starts
///   first, LS 0.3 s later, BE stops `seconds + 1` s after its start or when LS is done, whichever
///   comes first (`colocal.cu` main).
public enum CalibrationReplay {
    /// The simulation of `c` on `profile`; `beStop` overrides the BE stop time.
    public static func simulation(for c: CalibrationConfig, profile: DeviceProfile, seed: UInt64,
                                  beStop: SimDuration? = nil) -> SimulationConfig {
        let wave = c.sms * c.blocksPerSM
        var lsStart = SimDuration.zero
        var beEnd = SimDuration.seconds(c.seconds)
        switch c.sharing {
        case .solo: break
        case .procs:
            lsStart = .seconds(1)
            beEnd = .seconds(c.seconds + 2)
        case .streams, .prio:
            lsStart = .milliseconds(300)
            beEnd = .seconds(c.seconds + 1)
        }
        if let beStop { beEnd = min(beEnd, beStop) }
        var ls: WorkloadSpec?
        if c.hasLS, let us = c.lsKernelUs {
            let shape = KernelShape(work: .microseconds(us), smFraction: 1, dramFraction: 0, gridBlocks: wave,
                                    blockDuration: .microseconds(us))
            ls = WorkloadSpec(name: "ls", kind: .kernels(KernelStreamSpec(
                arrival: .poisson(ratePerSecond: c.lsRatePerSecond), kernel: shape, inFlight: c.lsInFlight,
                streamPriority: c.sharing == .prio ? 1 : 0)),
                priority: .latencySensitive, start: lsStart, stop: lsStart + .seconds(c.seconds))
        }
        var be: WorkloadSpec?
        if let ms = c.beKernelMs, let blockUs = c.beBlockUs {
            let waves = CheckedNumber.clampedInt(ms * 1000 / blockUs, to: 1...InputLimits.maxCount)
            let shape = KernelShape(work: .milliseconds(ms), smFraction: 1, dramFraction: 0,
                                    gridBlocks: wave * waves, blockDuration: .microseconds(blockUs))
            be = WorkloadSpec(name: "be", kind: .kernels(KernelStreamSpec(
                arrival: .closedLoop, kernel: shape, inFlight: c.beInFlight)),
                priority: .bestEffort, start: .zero, stop: beEnd)
        }
        var containers: [ContainerSpec] = []
        switch c.sharing {
        case .solo, .procs:
            if let be { containers.append(ContainerSpec(id: ContainerID(0), name: "be", priority: .bestEffort, workloads: [be])) }
            if let ls { containers.append(ContainerSpec(id: ContainerID(1), name: "ls", priority: .latencySensitive, workloads: [ls])) }
        case .streams, .prio:
            containers.append(ContainerSpec(id: ContainerID(0), name: "app", priority: .latencySensitive,
                                            workloads: [be, ls].compactMap { $0 }))
        }
        let lsEnd = ls.map { $0.start + .seconds(c.seconds) } ?? .zero
        let duration = max(lsEnd, be?.stop ?? .zero)
        var cfg = SimulationConfig(profile: profile, containers: containers, duration: duration, seed: seed)
        cfg.drainLimit = .seconds(600)
        cfg.shareWindow = .seconds(1)
        return cfg
    }

    /// Simulates `c` and returns measured against predicted figures.
    public static func replay(_ c: CalibrationConfig, profile: DeviceProfile, seed: UInt64 = 42) throws -> CalibrationRow {
        var result = try GPUSimulation.run(simulation(for: c, profile: profile, seed: seed))
        if c.hasLS && c.hasBE && (c.sharing == .streams || c.sharing == .prio),
           let lsDone = result.lastCompletion["ls"] {

            // colocal.cu stops the BE thread when the LS client is done, if that comes first.
            let nominal = SimDuration.seconds(c.seconds + 1)
            let done = lsDone - Instant.zero
            if done < nominal {
                result = try GPUSimulation.run(simulation(for: c, profile: profile, seed: seed, beStop: done))
            }
        }
        let threshold = 0.02 * c.seconds * 1e6
        var predicted = CalibrationFigures()
        if c.hasLS, let lat = result.workloads.first(where: { $0.name == "ls" })?.latency {
            predicted.p50Us = Double(lat.p50.nanoseconds) / 1e3
            predicted.p99Us = Double(lat.p99.nanoseconds) / 1e3
            predicted.meanUs = Double(lat.mean.nanoseconds) / 1e3
            predicted.unstable = (predicted.meanUs ?? 0) > threshold
        }
        if c.hasBE, let be = result.workloads.first(where: { $0.name == "be" }) {
            predicted.beKernelsPerSecond = be.throughputPerSecond
        }
        var measured = CalibrationFigures()
        if let ls = c.ls, c.hasLS {
            measured.p50Us = ls.p50Us
            measured.p99Us = ls.p99Us
            measured.meanUs = ls.meanUs
            measured.unstable = ls.meanUs > threshold
        }
        measured.beKernelsPerSecond = c.hasBE ? c.beKernelsPerSecond : nil
        return CalibrationRow(config: c, measured: measured, predicted: predicted)
    }
}
