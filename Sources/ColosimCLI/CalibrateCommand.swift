import ArgumentParser
import ColoModel
import Experiments
import Foundation
import Simulator

/// `colosim calibrate`: compare the device model with real-GPU measurements.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Replay real-GPU co-location measurements through the device model.",
        subcommands: [CalibrateReplayCommand.self, CalibrateFitCommand.self])
}

/// `colosim calibrate replay FILE.configs.jsonl --profile h200 [--json]`.
struct CalibrateReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Simulate every configuration of a calibration file; print measured vs predicted.",
        discussion: """
            FILE is in the format of ../shared/calibration/*.configs.jsonl (see its README). Prints LS \
            p50/p99 and BE kernels/s, measured and predicted, with relative errors; a configuration is \
            unstable when its mean LS latency exceeds 2% of the run length. Targets: instability \
            predicted where measured; stable p50 within 25%, p99 within 35%; BE within 10%.

            FILE may instead be in the normalized user-mode (HAMi-core) format of \
            ../shared/calibration/hami/*.configs.jsonl (lines with `containers`): every container's \
            measured throughput, LS p50/p99 and allocation stop against the user-mode engine's \
            prediction; throughput within max(10% of measured, 3% of the kernel's solo rate), p50 \
            within 25%, p99 within 35% (60% when n < 1000), allocation within 256 MiB. Each client \
            is counted as colocal.cu counts it, and each HAMi-core process starts its watcher the \
            measured lead before its client (docs/isolation.md). A user-mode prediction is the \
            mean over --replications arrival seeds (--seed, --seed + 1, …), each run at 5 phases of \
            NVML's sample clock, with its standard error (se) over the seeds; the runs go on --jobs \
            threads and the result does not depend on it. JSON: rows[{config, policy, \
            containers[{name, measured, predicted}], checks[{…, predicted, predicted_se}], \
            replications}].
            """)

    @Argument(help: "A *.configs.jsonl calibration file.")
    var file: String

    @Option(help: "Device profile (\(DeviceProfile.catalogNames.joined(separator: ", "))).")
    var profile: String = "h200"

    @Flag(help: "Print JSON.")
    var json = false

    @Option(help: "Seed of the simulated arrivals (user mode: of the first replication).")
    var seed: UInt64 = 42

    @Option(help: "User mode: arrival seeds each prediction averages over (1-1000; default \(UserModeCalibrationReplay.defaultReplications)).")
    var replications: Int = UserModeCalibrationReplay.defaultReplications

    @Option(help: "User mode: threads for the runs (default: the machine's cores).")
    var jobs: Int?

    func validate() throws {
        guard (1...1000).contains(replications) else {
            throw ValidationError("--replications must be in 1...1000, got \(replications)")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be ≥ 1, got \(jobs)") }
    }

    func run() throws {
        let device = try calibrationProfile(profile)
        if let userMode = try loadUserModeCalibrationFile(file) {
            var rows: [UserModeCalibrationRow] = []
            for c in userMode {
                do {
                    rows.append(try UserModeCalibrationReplay.replay(c, profile: device, seed: seed, replications: replications,
                                                                     jobs: jobs ?? SweepParallel.defaultJobs))
                } catch let e as SimulationConfigError {
                    throw InputError(file: file, field: e.field, "configuration '\(c.name)': \(e.message)")
                }
            }
            print(json ? UserModeCalibrationReport.json(rows) : UserModeCalibrationReport.table(rows, profile: device.name))
            return
        }
        let configs = try loadCalibrationFile(file)
        var rows: [CalibrationRow] = []
        for c in configs {
            do {
                rows.append(try CalibrationReplay.replay(c, profile: device, seed: seed))
            } catch let e as SimulationConfigError {
                throw InputError(file: file, field: e.field, "configuration '\(c.name)': \(e.message)")
            }
        }
        print(json ? CalibrationReport.json(rows) : CalibrationReport.table(rows, profile: device.name))
    }
}

/// The catalogue profile named by `--profile`, or an input error.
func calibrationProfile(_ name: String) throws -> DeviceProfile {
    guard let device = DeviceProfile.named(name) else {
        throw InputError(field: "--profile", "unknown profile '\(name)'; known: \(DeviceProfile.catalogNames.joined(separator: ", "))")
    }
    return device
}

/// Reads a calibration file and, when it is in the user-mode format (its first line has
/// `containers`), parses it; nil for the native format. Problems become file:line:field input errors.
func loadUserModeCalibrationFile(_ file: String) throws -> [UserModeCalibrationConfig]? {
    let text: String
    do {
        text = try String(contentsOfFile: file, encoding: .utf8)
    } catch {
        throw InputError(file: file, "cannot read file")
    }
    guard let first = text.split(separator: "\n").first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
          UserModeCalibrationConfig.isUserModeLine(String(first)) else { return nil }
    do {
        return try UserModeCalibrationConfig.parseLines(text)
    } catch let e as CalibrationParseError {
        throw InputError(file: file, line: e.line, field: e.field, e.message)
    }
}

/// Reads and parses a calibration file; problems become file:line:field input errors.
func loadCalibrationFile(_ file: String) throws -> [CalibrationConfig] {
    let text: String
    do {
        text = try String(contentsOfFile: file, encoding: .utf8)
    } catch {
        throw InputError(file: file, "cannot read file")
    }
    do {
        return try CalibrationConfig.parseLines(text)
    } catch let e as CalibrationParseError {
        throw InputError(file: file, line: e.line, field: e.field, e.message)
    }
}

/// `colosim calibrate fit FILE.configs.jsonl --profile h200 [--iterations N] [--json]`.
struct CalibrateFitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit timeslice, switch cost, priority block wait and host round trip to a calibration file.",
        discussion: """
            Minimizes the sum of squared relative errors of the replay (stable LS p50/p99, BE \
            throughput, mean latency of unstable LS queues) with GSL's Nelder–Mead simplex, starting \
            from the profile's constants. Each step replays the whole file.
            """)

    @Argument(help: "A *.configs.jsonl calibration file.")
    var file: String

    @Option(help: "Device profile to start from.")
    var profile: String = "h200"

    @Option(help: "Maximum simplex iterations.")
    var iterations: Int = 40

    @Option(help: "Seed of the simulated arrivals.")
    var seed: UInt64 = 42

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard iterations >= 1 && iterations <= 10_000 else {
            throw ValidationError("--iterations must be in 1...10000")
        }
    }

    func run() throws {
        let device = try calibrationProfile(profile)
        if try loadUserModeCalibrationFile(file) != nil {
            throw InputError(file: file, "calibrate fit fits the device's time-slicing constants to the native format; a user-mode file can only be replayed")
        }
        let configs = try loadCalibrationFile(file)
        let out = try CalibrationFit.fit(configs, profile: device, seed: seed, maxIterations: iterations)
        func params(_ p: CalibrationFit.Parameters) -> [String: Any] {
            ["timeslice_ms": p.timesliceMs, "context_switch_us": p.contextSwitchUs,
             "priority_block_wait": p.priorityBlockWait, "host_round_trip_us": p.hostRoundTripUs]
        }
        if json {
            let obj: [String: Any] = [
                "profile": device.name, "start": params(out.start), "fitted": params(out.fitted),
                "objective_start": out.startObjective, "objective_fitted": out.fittedObjective,
                "iterations": out.iterations, "rows_meeting_targets": out.rows.filter(\.meetsTargets).count,
                "rows": out.rows.count,
            ]
            let data = try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        func line(_ p: CalibrationFit.Parameters) -> String {
            String(format: "timeslice %.3f ms, switch %.1f µs, priority block wait %.2f blocks, host round trip %.1f µs",
                   p.timesliceMs, p.contextSwitchUs, p.priorityBlockWait, p.hostRoundTripUs)
        }
        print("start : \(line(out.start))  objective \(String(format: "%.4f", out.startObjective))")
        print("fitted: \(line(out.fitted))  objective \(String(format: "%.4f", out.fittedObjective)) after \(out.iterations) iterations")
        print(CalibrationReport.table(out.rows, profile: device.name + " (fitted)"))
    }
}
