import ArgumentParser
import Experiments
import Foundation
import Reports
import ResultStore

/// `colosim report RUN_ID|SWEEP_ID --html FILE [--markdown FILE]`: reports with charts.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML (charts, works offline) and/or Markdown report for a run or a sweep.",
        discussion: """
            Charts: GPU utilization over time, latency CDFs per service against the SLA line, policy \
            comparison bars, GPUs used, configured vs achieved share. The HTML embeds Chart.js 3.9.1 \
            (MIT) and the data, so it needs no network. Files are written atomically; an unwritable \
            path is reported (exit 2) before anything is written.
            """)

    @OptionGroup var store: RunsStoreOptions

    @Argument(help: ArgumentHelp("A run id or run key, or a sweep id.", valueName: "run-or-sweep"))
    var reference: String

    @Option(help: ArgumentHelp("Write the HTML report here.", valueName: "file"))
    var html: String?

    @Option(help: ArgumentHelp("Write the Markdown report here.", valueName: "file"))
    var markdown: String?

    @Option(help: "Report title (default: scenario and run or sweep).")
    var title: String?

    func validate() throws {
        guard html != nil || markdown != nil else {
            throw ValidationError("give --html FILE and/or --markdown FILE")
        }
    }

    func run() throws {
        let db = try store.open(readOnly: true)
        let (runs, sweep) = try RunsLookup.runsOrSweep(reference, in: db, field: "run-or-sweep")
        let scenarios = Set(runs.map(\.scenarioName)).sorted().joined(separator: ", ")
        let defaultTitle = runs.count == 1 && sweep == nil
            ? "\(scenarios): run \(runs[0].id.map(String.init) ?? reference) (\(runs[0].policy))"
            : "\(scenarios): \(sweep.map { "sweep \($0.id)" } ?? reference) (\(runs.count) runs)"
        let input = ReportInput(title: title ?? defaultTitle, runs: runs, sweep: sweep)
        var outputs: [(path: String, text: String)] = []
        do {
            if let html { outputs.append((html, try HTMLReport.render(input, chartLibrary: try ChartLibrary.load()))) }
            if let markdown { outputs.append((markdown, MarkdownReport.render(input))) }
            try ReportWriter.write(outputs)
        } catch let error as ReportError where error.isInputError {
            throw InputError(file: error.path, field: error.path == html ? "--html" : "--markdown", error.message)
        }
        for o in outputs { print("wrote \(o.path)") }
    }
}
