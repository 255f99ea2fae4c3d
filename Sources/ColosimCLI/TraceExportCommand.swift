import ArgumentParser
import Experiments
import Foundation
import ResultStore
import Scenario
import SimEngine
import Simulator

/// `colosim trace export RUN --chrome FILE [--from S] [--to S]`: a Chrome-trace (Perfetto) timeline of a
/// stored single-GPU run's window.
///
/// Runs are stored as scenario text + seed, and the simulator is deterministic, so the export re-runs
/// the stored scenario with the opt-in timeline recorder on and checks the re-run's digest against the
/// stored one (a mismatch — another colosim version, or a scenario that reads files that changed — is
/// an error, exit 2, and nothing is written).
struct TraceExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a Chrome-trace (Perfetto) timeline of GPU contexts, slices, kernels, preemptions, requests and the launch gate's counters of a stored run.",
        discussion: """
            Single-GPU runs only. Re-runs the stored scenario text and seed with timeline recording on for the \
            window [--from, --to) (simulated seconds), verifies the digest equals the stored one, and writes \
            Trace Event Format JSON (open it in https://ui.perfetto.dev or chrome://tracing). See docs/product.md.
            """)

    @OptionGroup var store: RunsStoreOptions

    @Argument(help: ArgumentHelp("A run id or run key.", valueName: "run"))
    var reference: String

    @Option(help: ArgumentHelp("Write the Chrome trace JSON here.", valueName: "file"))
    var chrome: String

    @Option(help: ArgumentHelp("Window start, simulated seconds.", valueName: "s"))
    var from: Double = 0

    @Option(help: ArgumentHelp("Window end, simulated seconds (default: --from + 1).", valueName: "s"))
    var to: Double?

    func validate() throws {
        guard from.isFinite, from >= 0 else { throw ValidationError("--from must be ≥ 0 seconds") }
        if let to, !(to.isFinite && to > from) { throw ValidationError("--to must be after --from") }
        let limit = CheckedNumber.format(InputLimits.maxSeconds)
        if from > InputLimits.maxSeconds || (to ?? 0) > InputLimits.maxSeconds {
            throw ValidationError("--from and --to must be ≤ \(limit) simulated seconds (colosim's limit, docs/limits.md)")
        }
    }

    func run() throws {
        let db = try store.open(readOnly: true)
        let record = try RunsLookup.run(reference, in: db, field: "run")
        let runner = ScenarioRunner(text: record.scenarioText, path: "run \(reference) (stored scenario)")
        guard runner.schema == "single-gpu" else {
            throw InputError(field: "run", "run \(reference) is a \(runner.schema) run; trace export covers single-GPU runs")
        }
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.parse(yaml: record.scenarioText, file: runner.path)
        } catch let e as ScenarioError {
            throw InputError(file: e.file, line: e.line, field: e.field, e.message)
        }
        let end = to ?? from + 1
        var config = scenario.simulationConfig(seed: record.seed)
        config.timelineWindow = (Instant.zero + .seconds(from))..<(Instant.zero + .seconds(end))
        let result: SimulationResult
        do {
            result = try GPUSimulation.run(config)
        } catch let e as SimulationConfigError {
            throw InputError(file: runner.path, field: e.field, e.message)
        }
        guard result.digestHex == record.digest else {
            throw InputError(field: "run", "re-running run \(reference) gave digest \(result.digestHex), not the stored \(record.digest) "
                + "(stored by colosim \(record.colosimVersion); this is \(ColosimVersion.string)); nothing written")
        }
        let trace = ChromeTrace(
            events: result.timeline, containers: config.containers.map { ($0.id, $0.name) }, gpuName: config.profile.name,
            otherData: [("run", ChromeTrace.quoted(reference)), ("digest", ChromeTrace.quoted(record.digest)),
                        ("scenario", ChromeTrace.quoted(record.scenarioName)), ("from_s", "\(from)"), ("to_s", "\(end)"),
                        ("dropped_events", "\(result.timelineDropped)")])
        do {
            try Data(trace.json.utf8).write(to: URL(fileURLWithPath: chrome), options: .atomic)
        } catch {
            throw InputError(file: chrome, field: "--chrome", "cannot write the trace: \(error.localizedDescription)")
        }
        var counts: [TimelineEvent.Kind: Int] = [:]
        for e in result.timeline { counts[e.kind, default: 0] += 1 }
        print("wrote \(chrome): \(result.timeline.count) events (\(counts[.slice] ?? 0) slices, \(counts[.contextSwitch] ?? 0) context switches, "
              + "\(counts[.kernel] ?? 0) kernels, \(counts[.preemption] ?? 0) preemptions, \(counts[.request] ?? 0) requests, "
              + "\(counts[.counter] ?? 0) counter values) for \(from)–\(end) s of run \(reference); "
              + "digest \(record.digest) verified")
        if result.timelineDropped > 0 {
            writeStandardError("warning: \(result.timelineDropped) events beyond the recorder's bound were left out; narrow the window\n")
        }
    }
}
