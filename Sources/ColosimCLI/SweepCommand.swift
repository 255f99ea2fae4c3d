import ArgumentParser
import Experiments
import Foundation
import ResultStore
import Simulator

/// `colosim sweep SWEEP.yaml [--shard i/n] [--jobs N] [--db F]`: runs a parameter grid in parallel, one
/// stored run per point; a re-run skips the points already stored (resume after a kill).
/// With `--slurm` or `--k8s` it plans the sweep as a batch job instead (`SweepCommand+Dispatch.swift`).
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a grid of scenario parameters in parallel, storing every point (resumable, shardable).",
        discussion: """
            The sweep file format is in docs/product.md. Points already stored in --db for this sweep are skipped, \
            so re-running an interrupted sweep finishes only the missing points. --shard i/n (0 ≤ i < n) runs the \
            points whose index ≡ i (mod n); merge shard databases with `colosim runs merge`.

            --slurm writes a Slurm job array (one task per shard, each writing --out/shard-i.sqlite) and a merge \
            job depending on it (afterok) that joins the shards into --db, and prints the sbatch command; --submit \
            submits both. --k8s prints a Kubernetes Indexed Job manifest (one pod per shard; paths are the \
            container's). --shards N sets the shard count (default: one per point).
            """)

    @Argument(help: "The sweep file (YAML).")
    var sweep: String

    @Option(help: ArgumentHelp("Run only shard i of n (0 ≤ i < n).", valueName: "i/n"))
    var shard: String?

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Flag(help: "Print the sweep's outcome as JSON.")
    var json = false

    @Flag(help: "No progress bar.")
    var quiet = false

    @Option(help: ArgumentHelp("Cluster scenarios: fidelity level, event or response, overriding the scenario's.", valueName: "LEVEL"))
    var fidelity: String?

    @OptionGroup var store: RunsStoreOptions

    @Flag(help: "Write a Slurm job array (one task per shard) and a dependent merge job instead of running.")
    var slurm = false

    @Flag(help: "Print a Kubernetes Indexed Job manifest (one pod per shard) instead of running.")
    var k8s = false

    @Flag(help: "With --slurm: submit both jobs with sbatch (else print the command).")
    var submit = false

    @Option(help: ArgumentHelp("With --slurm/--k8s: number of shards (default: one per grid point).", valueName: "N"))
    var shards: Int?

    @Option(help: ArgumentHelp("With --slurm/--k8s: CPUs (sweep worker threads) per task (default 1).", valueName: "N"))
    var cpusPerTask: Int?

    @Option(help: ArgumentHelp("With --slurm: folder for the job scripts, shard databases and logs (default colosim-sweep-NAME); with --k8s: the results volume's mount path (default /results).", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("With --slurm: partition (default: the cluster's default).", valueName: "name"))
    var partition: String?

    @Option(help: ArgumentHelp("With --slurm: time limit per task, as sbatch --time takes it.", valueName: "limit"))
    var time: String?

    @Option(help: ArgumentHelp("With --slurm/--k8s: the colosim binary the tasks run (default: this one's absolute path; with --k8s: colosim in the image).", valueName: "path"))
    var colosim: String?

    @Option(help: ArgumentHelp("With --k8s: container image holding colosim and the sweep files (default colosim:latest).", valueName: "image"))
    var image: String?

    @Option(help: ArgumentHelp("With --k8s: PersistentVolumeClaim for the shard databases (default colosim-results).", valueName: "name"))
    var claim: String?

    /// `--shard` as (index, count).
    func shardSpec() throws -> (index: Int, count: Int) {
        guard let shard else { return (0, 1) }
        let parts = shard.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 0, i < n else {
            throw ValidationError("--shard must be i/n with 0 ≤ i < n (e.g. 0/4), got '\(shard)'")
        }
        return (i, n)
    }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be ≥ 1") }
        _ = try shardSpec()
        try validateDispatch()
    }

    func run() throws {
        if slurm || k8s { return try runDispatch() }
        let spec = try SweepFile.load(path: sweep)
        var setup = try ScenarioRunner(path: spec.scenarioPath)
        let (shardIndex, shardCount) = try shardSpec()
        let all = spec.grid.points
        // Check every point's overrides before running anything (paths, policy names, GPU counts).
        let fidelity = self.fidelity
        @Sendable func overrides(_ p: ParameterGrid.Point) throws -> ScenarioOverrides {
            var o = try spec.overrides(for: p)
            if let fidelity { o.fidelity = fidelity }
            return o
        }
        for p in all { _ = try setup.effectiveText(try overrides(p)) }
        let hash = spec.specHash(scenarioText: setup.text)
        let sweepID = "\(spec.name)-\(hash.prefix(8))"
        let db = try store.open(create: true)
        if setup.isCluster { setup.responseCache = try NodeResponseStore.cache(db) }
        _ = try mappingStoreErrors(field: "--db") {
            try db.registerSweep(SweepInfo(id: sweepID, specHash: hash, pointCount: all.count, createdAt: Date()))
        }
        let runner = setup
        let mine = spec.grid.points(shard: shardIndex, of: shardCount)
        let pendingKeys = Set(try mappingStoreErrors(field: "--db") {
            try db.pendingPointKeys(sweepID: sweepID, allPointKeys: mine.map(\.key))
        })
        let pending = mine.filter { pendingKeys.contains($0.key) }
        let workers = jobs ?? SweepParallel.defaultJobs
        let progress = ProgressReporter.standardError(total: max(1, pending.count), label: "sweep",
                                                      show: ProgressDecision.shouldShow(json: json, quiet: quiet))
        let clock = ContinuousClock()
        let start = clock.now
        let results = try SweepParallel.map(pending, jobs: workers) { point -> SweepPointResult in
            var r = try runner.run(try overrides(point))
            r.record.sweepID = sweepID
            r.record.pointKey = point.key
            let outcome = try mappingStoreErrors(field: "--db") { try db.insert(r.record) }
            progress.advance()
            return SweepPointResult(point: point.key, index: point.index, runID: outcome.id, metrics: r.metrics)
        }
        progress.finish()
        let elapsed = clock.now - start
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let summary = SweepSummary(sweepID: sweepID, totalPoints: all.count, shard: shard, shardPoints: mine.count,
                                   skipped: mine.count - pending.count, results: results, jobs: workers, wallSeconds: wall)
        print(json ? summary.json : summary.text, terminator: json ? "\n" : "")
    }
}
