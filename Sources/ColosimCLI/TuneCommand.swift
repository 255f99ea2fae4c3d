import ArgumentParser
import Experiments
import Foundation
import ResultStore
import Scenario
import Simulator
import Workload

/// `colosim tune SCENARIO --objective utilization|be-throughput`: searches kernel-mode weights with GSL's
/// Nelder–Mead simplex to maximise the objective subject to every SLA; prints the best weights and
/// the trade-off curve.
struct TuneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract: "Search kernel-mode container weights (Nelder–Mead) to maximise utilization or BE throughput under the SLAs.",
        discussion: """
            The scenario must use isolation.engine: kernel-mode. Weights range over [2 %, 100 %] of the scale \
            (total_weight under `fixed`, else the sum of the default weights); under `fixed` with total_weight their sum \
            may not exceed it. A point is feasible when every workload with sla_ms has p99 ≤ sla_ms. \
            Every evaluation is stored in --db. See docs/product.md.
            """)

    /// What to maximise.
    enum Objective: String, ExpressibleByArgument, CaseIterable {
        case utilization
        case beThroughput = "be-throughput"
    }

    @Argument(help: "The scenario file (YAML, kernel-mode isolation).")
    var scenario: String

    @Option(help: "utilization or be-throughput.")
    var objective: Objective

    @Option(name: .customLong("max-iterations"), help: "Simplex iterations.")
    var maxIterations: Int = 40

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario parameter (repeatable).", valueName: "path=value"))
    var parameters: [String] = []

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Flag(help: "No progress bar.")
    var quiet = false

    @OptionGroup var store: RunsStoreOptions

    func validate() throws {
        if maxIterations < 1 { throw ValidationError("--max-iterations must be ≥ 1") }
    }

    func run() throws {
        let runner = try ScenarioRunner(path: scenario)
        let base = try ScenarioOverrides.parsing(seed: seed, assignments: parameters)
        guard !runner.isCluster else {
            throw InputError(file: scenario, field: "isolation.engine", "tune searches kernel-mode weights: it needs a single-GPU kernel-mode scenario")
        }
        let s: Scenario
        do {
            s = try ScenarioLoader.parse(yaml: try runner.effectiveText(base), file: scenario)
        } catch let e as ScenarioError {
            throw InputError(file: e.file, line: e.line, field: e.field, e.message)
        }
        guard case .kernelMode(let policy, _, let total) = s.isolation else {
            throw InputError(file: scenario, field: "isolation.engine", "tune searches kernel-mode weights; this scenario uses '\(s.isolation.engineName)'")
        }
        let names = s.containers.map(\.name)
        let defaults = s.containers.map(\.weight)
        let capped = policy == .fixed ? total : nil
        let scale = capped ?? defaults.reduce(0, +)
        let db = try store.open(create: true)
        let progress = ProgressReporter.standardError(total: maxIterations * 2, label: "tune",
                                                      show: ProgressDecision.shouldShow(json: json, quiet: quiet))
        let objective = self.objective
        var runs: [[Double]: TunePoint] = [:]

        func evaluate(_ raw: [Double]) throws -> TunePoint {
            // Six significant digits: the weights written into the scenario are exactly the ones reported.
            let w = raw.map { Double(String(format: "%.6g", $0)) ?? $0 }
            if let p = runs[w] { return p }
            if let capped, w.reduce(0, +) > capped + 1e-9 {
                let p = TunePoint(weights: w, objective: .nan, violation: (w.reduce(0, +) - capped) / capped, metrics: nil, runID: nil)
                runs[w] = p
                return p
            }
            var o = base
            for (i, weight) in w.enumerated() {  // by index: container names may hold dots
                o.parameters.append(.init(path: "containers.\(i).weight", value: String(format: "%.6g", weight)))
            }
            let r = try runner.run(o)
            let id = try mappingStoreErrors(field: "--db") { try db.insert(r.record) }.id
            let m = r.metrics
            let value = objective == .utilization ? m.utilization : m.beThroughput
            let violation = m.services.reduce(0.0) { acc, sv in
                acc + (sv.p99Ms.isFinite ? max(0, sv.p99Ms / sv.targetMs - 1) : 10)
            }
            let p = TunePoint(weights: w, objective: value, violation: violation, metrics: m, runID: id)
            runs[w] = p
            progress.advance()
            return p
        }

        let start = try evaluate(defaults)
        var failure: (any Error)?
        let lower = defaults.map { _ in 0.02 * scale }, upper = defaults.map { _ in scale }
        let result = ConstrainedMaximizer.maximize(start: defaults.map { min(max($0, 0.02 * scale), scale) }, lower: lower,
                                                   upper: upper, resolution: scale * 1e-3, maxIterations: maxIterations) { w in
            if failure != nil { return .init(objective: .nan, violation: .infinity) }
            do {
                let p = try evaluate(w)
                return .init(objective: p.objective, violation: p.violation)
            } catch {
                failure = error
                return .init(objective: .nan, violation: .infinity)
            }
        }
        progress.finish()
        if let failure { throw failure }
        guard let result else { throw InputError(file: scenario, "the optimizer could not start (GSL allocation failed)") }
        let best = result.best.flatMap { runs[$0.point.map { Double(String(format: "%.6g", $0)) ?? $0 }] }
        let report = TuneReport(scenario: s.name, objective: objective.rawValue, containers: names, start: start,
                                best: best, samples: result.samples.compactMap { runs[$0.point.map { Double(String(format: "%.6g", $0)) ?? $0 }] },
                                iterations: result.iterations, converged: result.converged)
        print(json ? report.json : report.text, terminator: json ? "\n" : "")
    }
}
