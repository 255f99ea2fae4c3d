import ArgumentParser
import Experiments
import Foundation
import ResultStore
import Scenario
import Scheduling
import Simulator

/// `colosim plan SCENARIO --sla-p99 X --min-utilization Y`: the fewest GPUs per policy that keep every
/// SLA and reach the utilization target, with the runs at N and N − 1 as evidence.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Find the fewest GPUs per policy that keep every SLA and reach a utilization target.",
        discussion: """
            Binary search over the scenario's GPU count (cluster scenarios: cluster.nodes × cluster.gpus_per_node; \
            node groups are cut or repeated in node order), per policy; or (--search span, the default for \
            cluster.node_groups) one run per policy on a cluster large enough, answering the GPUs of the nodes \
            it ever used. SLA kept: every service's p99 ≤ --sla-p99 (default: each service's own p99 target). \
            Utilization: mean duty cycle over all provisioned GPUs. Fewer GPUs raise utilization and lower \
            SLA headroom, so the answer is the fewest GPUs keeping the SLA, if it reaches the target there. \
            Every run is stored in --db. See docs/product.md.
            """)

    @Argument(help: "The scenario file (YAML, schema: cluster).")
    var scenario: String

    @Option(name: .customLong("sla-p99"), help: ArgumentHelp("p99 latency target for every service, ms (default: each service's own).", valueName: "ms"))
    var slaP99: Double?

    @Option(name: .customLong("min-utilization"), help: ArgumentHelp("Utilization target over the provisioned GPUs (fraction 0–1, or percent > 1).", valueName: "u"))
    var minUtilization: Double = 0

    @Option(help: ArgumentHelp("Comma-separated policies (default: all co-location policies).", valueName: "p1,p2,…"))
    var policies: String?

    @Option(name: .customLong("min-gpus"), help: "Smallest GPU count searched.")
    var minGPUs: Int = 1

    @Option(name: .customLong("max-gpus"), help: "Largest GPU count searched (default: the scenario's).")
    var maxGPUs: Int?

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario parameter (repeatable).", valueName: "path=value"))
    var parameters: [String] = []

    @Option(name: .customLong("max-density"), help: ArgumentHelp("Policies whose LS pods take their own milli-GPU (shared): most LS pods per GPU searched (default 16, qGPU's instance limit); each service's gpu_milli becomes 1000/k. 0: keep the scenario's gpu_milli.", valueName: "k"))
    var maxDensity: Int = 16

    @Option(name: .customLong("min-be-work"), help: ArgumentHelp("Also require BE work done ≥ this fraction (0–1) of the work done with every GPU searched (default 0: the SLA is the LS services' alone).", valueName: "f"))
    var minBEWork: Double = 0

    @Option(help: ArgumentHelp("bisect: binary search over GPU counts, a run per count; span: one run per policy on a cluster large enough (--max-gpus, default twice the scenario's), answering the GPUs of the nodes it ever used (default for clusters of cluster.node_groups).", valueName: "bisect|span"))
    var search: String?

    @Flag(help: "Print the plan as JSON.")
    var json = false

    @Flag(help: "Also show the t = 0 placement: current bindings beside each policy's scheduler on an empty cluster, with reasons (text only).")
    var explain = false

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Flag(help: "No progress bar.")
    var quiet = false

    @Option(help: ArgumentHelp("Cluster scenarios: fidelity level, event or response, overriding the scenario's.", valueName: "LEVEL"))
    var fidelity: String?

    @OptionGroup var store: RunsStoreOptions

    /// The utilization target as a fraction.
    var target: Double { minUtilization > 1 ? minUtilization / 100 : minUtilization }

    func validate() throws {
        if let slaP99, !(slaP99 > 0) { throw ValidationError("--sla-p99 must be > 0 ms") }
        if !(minUtilization >= 0 && minUtilization <= 100) { throw ValidationError("--min-utilization must be in [0, 1] (or a percent ≤ 100)") }
        if minGPUs < 1 { throw ValidationError("--min-gpus must be ≥ 1") }
        if let maxGPUs, maxGPUs < minGPUs { throw ValidationError("--max-gpus must be ≥ --min-gpus") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be ≥ 1") }
        if !(minBEWork >= 0 && minBEWork <= 1) { throw ValidationError("--min-be-work must be in [0, 1]") }
        if !(0...100).contains(maxDensity) { throw ValidationError("--max-density must be in 0…100") }
    }

    func run() throws {
        var setup = try ScenarioRunner(path: scenario)
        guard setup.isCluster else {
            throw InputError(file: scenario, field: "SCENARIO", "plan searches GPU counts: it needs a cluster scenario (schema: cluster); a single-GPU scenario has one GPU")
        }
        var baseOverrides = try ScenarioOverrides.parsing(seed: seed, assignments: parameters)
        baseOverrides.fidelity = fidelity
        let base = baseOverrides
        let names = policies.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? ColocationPolicyKind.names
        for p in names where ScenarioRunner.colocationPolicy(p) == nil {
            throw InputError(field: "--policies", "unknown co-location policy '\(p)'; expected one of \(ColocationPolicyKind.names.joined(separator: ", "))")
        }
        let nodeGroups = try setup.hasNodeGroups(base)
        let span: Bool
        switch search {
        case nil: span = nodeGroups
        case "span": span = true
        case "bisect": span = false
        case let other?: throw InputError(field: "--search", "expected bisect or span, got '\(other)'")
        }
        let upper = try maxGPUs ?? setup.gpuCount(base) * (span ? 2 : 1)
        let lower = minGPUs
        guard lower <= upper else { throw InputError(field: "--min-gpus", "must be ≤ the largest count searched (\(upper))") }
        let db = try store.open(create: true)
        setup.responseCache = try NodeResponseStore.cache(db)
        let runner = setup
        let progress = ProgressReporter.standardError(total: names.count, label: "plan",
                                                      show: ProgressDecision.shouldShow(json: json, quiet: quiet))
        let sla = slaP99, target = self.target, minBE = minBEWork
        let serviceCount = try setup.serviceCount(base)
        let densities = maxDensity
        let plans = try SweepParallel.map(names, jobs: jobs ?? SweepParallel.defaultJobs) { policy -> PlanResult in
            func runAt(_ n: Int, density k: Int?) throws -> (RunMetrics, Int64) {
                var o = base
                o.policy = policy
                o.gpus = n
                if let k {
                    for i in 0..<serviceCount {
                        o.parameters.append(.init(path: "services.\(i).gpu_milli", value: "\(DensitySearch.milli(podsPerGPU: k))"))
                    }
                }
                let r = try runner.run(o)
                return (r.metrics, try mappingStoreErrors(field: "--db") { try db.insert(r.record) }.id)
            }
            // The load offered: what each service serves with the most GPUs searched (at the density
            // used). With fewer GPUs a service that serves less (replicas without a GPU) misses its SLA
            // whatever its p99.
            let reference = try runAt(upper, density: nil)
            func offered(_ run: (RunMetrics, Int64)) -> [String: Double] {
                Dictionary(run.0.services.map { ($0.name, $0.requests) }, uniquingKeysWith: { a, _ in a })
            }
            func evidence(_ n: Int, _ run: (RunMetrics, Int64), against load: [String: Double],
                          beWork: Double? = nil) -> (feasible: Bool, evidence: PlanEvidence) {
                let served = run.0.servedFraction(of: load)
                let be = beWork ?? reference.0.beThroughput
                let beShare = be > 0 ? run.0.beThroughput / be : 1
                return (run.0.slaMet(p99TargetMs: sla) && served >= 1 - 1e-6 && beShare >= minBE - 1e-9,
                        PlanEvidence(gpus: n, metrics: run.0, runID: run.1, served: served, beShare: beShare))
            }
            if span {
                // The pods' own shares; a cluster of just the nodes the run at `upper` used, in the same
                // order, makes the same decisions (a node never chosen changes no choice; ties go to
                // the lowest-numbered node): its figures are theirs, utilization over their GPUs.
                let load = offered(reference)
                let e = evidence(upper, reference, against: load, beWork: reference.0.beThroughput)
                let n = max(1, min(upper, reference.0.gpusOfNodesUsed ?? upper))
                var spanned = e.evidence
                spanned.gpus = n
                spanned.spannedFrom = upper
                spanned.metrics.provisionedUtilization = reference.0.provisionedUtilization * Double(upper) / Double(n)
                spanned.metrics.gpusProvisioned = n
                progress.advance()
                return PlanResult(policy: policy, slaGPUs: e.feasible ? n : nil, evaluated: n == upper ? [spanned] : [spanned, e.evidence],
                                  slaP99Ms: sla, minUtilization: target, method: "span")
            }
            // Densest packing first (policies whose LS pods take their own milli-GPU): the most LS pods
            // per GPU whose SLAs hold with every GPU searched; then the fewest GPUs at that density.
            // A density's SLA check counts its own unserved requests (`slaMet`); its offered load is not
            // compared with the scenario's packing, as the node model measures arrivals per state
            // window (Poisson counts, a few % apart between densities).
            var density: CapacitySearch.Result<PlanEvidence>?
            var densityRuns: [Int: (RunMetrics, Int64)] = [:]
            var chosen: Int?
            if densities >= 1, serviceCount > 0, let kind = ScenarioRunner.colocationPolicy(policy),
               !ColocationConfig(kind: kind, gpuCount: 1).lsWholeGPU {
                let d = try DensitySearch.densest(in: 1...densities) { k in
                    let run = try runAt(upper, density: k)
                    densityRuns[k] = run
                    return evidence(upper, run, against: offered(run))
                }
                density = d
                chosen = d.count
            }
            var search = CapacitySearch.Result<PlanEvidence>(count: nil, evaluated: [])
            if density == nil || chosen != nil {
                let top = chosen.flatMap { densityRuns[$0] } ?? reference
                let load = offered(top)
                search = try CapacitySearch.fewest(in: lower...upper) { n -> (feasible: Bool, evidence: PlanEvidence) in
                    evidence(n, n == upper ? top : try runAt(n, density: chosen), against: load, beWork: top.0.beThroughput)
                }
            }
            progress.advance()
            // Node groups are cut at whole nodes: a count searched stands for the GPUs of the nodes
            // that hold it, which the answer and the evidence give.
            var evaluated = search.evaluated.map(\.evidence)
            var answer = search.count
            if nodeGroups {
                answer = answer.flatMap { n in evaluated.first { $0.gpus == n }?.metrics.gpusProvisioned } ?? answer
                var seen = Set<Int>()
                evaluated = evaluated.compactMap { e in
                    var e = e
                    e.gpus = e.metrics.gpusProvisioned
                    return seen.insert(e.gpus).inserted ? e : nil
                }
            }
            return PlanResult(policy: policy, slaGPUs: answer, evaluated: evaluated,
                              slaP99Ms: sla, minUtilization: target,
                              density: density.map { d in
                                  PlanDensity(podsPerGPU: d.count, searched: d.evaluated.map { PlanDensity.Step(podsPerGPU: $0.count, feasible: $0.feasible, evidence: $0.evidence) })
                              })
        }
        progress.finish()
        let report = PlanReport(scenario: scenario, searched: lower...upper, slaP99Ms: sla, minUtilization: target,
                                minBEWork: minBEWork, plans: plans)
        print(json ? report.json : report.text, terminator: json ? "\n" : "")
        if explain && !json {
            let text = try runner.effectiveText(base)
            let loaded: ClusterScenario
            do {
                loaded = try ClusterScenarioLoader.parse(yaml: text, file: scenario)
            } catch let e as ScenarioError {
                throw InputError(file: e.file, line: e.line, field: e.field, e.message)
            }
            print(try PlanPlacementTable.text(loaded, policies: names), terminator: "")
        }
    }
}
