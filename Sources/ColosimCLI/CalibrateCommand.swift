import ArgumentParser
import ColoModel
import Foundation
import Simulator

/// `colosim calibrate`: compare the device model with real-GPU measurements.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Replay real-GPU co-location measurements through the device model.",
        subcommands: [CalibrateReplayCommand.self])
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
            """)

    @Argument(help: "A *.configs.jsonl calibration file.")
    var file: String

    @Option(help: "Device profile (\(DeviceProfile.catalogNames.joined(separator: ", "))).")
    var profile: String = "h200"

    @Flag(help: "Print JSON.")
    var json = false

    @Option(help: "Seed of the simulated arrivals.")
    var seed: UInt64 = 42

    func run() throws {
        guard let device = DeviceProfile.named(profile) else {
            throw InputError(field: "--profile", "unknown profile '\(profile)'; known: \(DeviceProfile.catalogNames.joined(separator: ", "))")
        }
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw InputError(file: file, "cannot read file")
        }
        let configs: [CalibrationConfig]
        do {
            configs = try CalibrationConfig.parseLines(text)
        } catch let e as CalibrationParseError {
            throw InputError(file: file, line: e.line, field: e.field, e.message)
        }
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
