import ColoModel
import Experiments
import Foundation
import Regression
import Scenario
import Scheduling
import SimEngine
import Simulator
import Workload

/// The cases of `colosim bench check`: the scenario library, the calibration replay and the FGD
/// placement replay, each run in-process (library calls, no subprocesses).
public struct BenchCheckSuite: Sendable {
    /// The cases, in run order.
    public var cases: [BenchCheckCase]

    /// Creates a suite of `cases`.
    public init(cases: [BenchCheckCase]) { self.cases = cases }

    /// The standard suite of the repository at `root` (whose `../shared` holds the data):
    /// - `scenario/<file>` for every `scenarios/*.yaml` (single-GPU and cluster) but `fleet-*.yaml`, in name order;
    /// - `calibration/h200-run1`: `colosim calibrate replay ../shared/calibration/h200-run1.configs.jsonl`;
    /// - `calibration/hami-h200-run1`: the user-mode replay of `../shared/calibration/hami/hami-h200-run1.configs.jsonl`;
    /// - `placement/openb-default`: `colosim place` on openb `default`, arrivals to 130%, seeds 42–51,
    ///   every policy of `placementPolicies`.
    public static func standard(root: String,
                                placementPolicies: [BenchCheckPlacementPolicy] = BenchCheckPlacementPolicy.standard)
        -> BenchCheckSuite {
        func path(_ p: String) -> String { root.isEmpty || root == "." ? p : root + "/" + p }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: path("scenarios"))) ?? []
        // Fleet scenarios (`fleet-*.yaml`) take minutes a run: the package benchmarks hold a slice of
        // them (Benchmarks/), docs/fleet.md their figures.
        var cases = files.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("fleet-") }.sorted().map { f in
            scenarioCase(name: "scenario/" + String(f.dropLast(5)), file: path("scenarios/" + f))
        }
        cases.append(calibrationCase(name: "calibration/h200-run1",
                                     file: path("../shared/calibration/h200-run1.configs.jsonl"), profile: .h200))
        cases.append(userModeCalibrationCase(name: "calibration/hami-h200-run1",
                                             file: path("../shared/calibration/hami/hami-h200-run1.configs.jsonl"),
                                             profile: .h200))
        let openb = path("../shared/traces/alibaba-gpu-v2023-openb")
        cases.append(placementCase(name: "placement/openb-default",
                                   nodes: openb + "/openb_node_list_gpu_node.csv",
                                   pods: openb + "/openb_pod_list_default.csv",
                                   policies: placementPolicies, arrive: 1.3, seeds: Array(42...51)))
        return BenchCheckSuite(cases: cases)
    }

    /// The cases `only` selects: its exact name, a name starting with `only` + `/` or a glob match.
    public func selecting(_ only: String?) -> [BenchCheckCase] {
        guard let only else { return cases }
        return cases.filter { $0.name == only || $0.name.hasPrefix(only + "/") || Glob.matches(only, $0.name) }
    }

    // MARK: - case builders

    /// A scenario file as `colosim run` runs it (single-GPU or cluster schema, the file's own seed and policy).
    public static func scenarioCase(name: String, file: String) -> BenchCheckCase {
        BenchCheckCase(name: name) { t in
            let json: String
            let digest: String
            if ["cluster", "multi-scheduler"].contains(ClusterScenarioLoader.schema(ofFile: file)) {
                (json, digest) = try runCluster(file: file, transform: t)
            } else {
                let s: Scenario
                do {
                    s = t.scenario(try ScenarioLoader.load(path: file))
                } catch let e as ScenarioError {
                    throw InputError(file: e.file, line: e.line, field: e.field, e.message)
                }
                let result: SimulationResult
                do {
                    result = try GPUSimulation.run(t.simulation(s.simulationConfig()))
                } catch let e as SimulationConfigError {
                    throw InputError(file: file, field: e.field, e.message)
                }
                let report = ScenarioReport(scenario: s, result: result, seed: s.seed)
                (json, digest) = (report.json, report.digest)
            }
            let metrics = try MetricFlattener.metrics(json: Data(json.utf8), excluding: ["digest", "scenario", "seed", "name"])
            return CaseResult(name: name, digest: digest, metrics: metrics)
        }
    }

    static func runCluster(file: String, transform t: BenchCheckTransform) throws -> (json: String, digest: String) {
        do {
            if ClusterScenarioLoader.schema(ofFile: file) == "multi-scheduler" {
                let loaded = try ClusterMultiSchedulerLoader.load(path: file)
                let result = ClusterMultiSchedulerRun.run(loaded.config)
                let report = ClusterMultiSchedulerReport(name: loaded.name, result: result, seed: loaded.config.seed)
                return (report.json, result.digest)
            }
            let s = try ClusterScenarioLoader.load(path: file)
            let config: ClusterSimulationConfig
            do {
                config = t.cluster(try s.simulationConfig(seed: s.seed))
            } catch let e as ScenarioError {
                throw e
            } catch {
                throw InputError(file: file, field: "services", "cannot build the service profiles: \(error)")
            }
            let result = try ClusterSimulation.run(config)
            let report = ClusterScenarioReport(scenario: s, result: result, seed: config.seed)
            return (report.json, result.digest)
        } catch let e as ScenarioError {
            throw InputError(file: e.file, line: e.line, field: e.field, e.message)
        }
    }

    /// A calibration file replayed as `colosim calibrate replay FILE --profile P` does (seed 42).
    public static func calibrationCase(name: String, file: String, profile: DeviceProfile) -> BenchCheckCase {
        BenchCheckCase(name: name) { t in
            let configs = try loadCalibrationFile(file)
            let device = t.calibrationProfile(profile)
            var digest = FNV1a64()
            var metrics: [Metric] = []
            for c in configs {
                let row: CalibrationRow
                do {
                    row = try CalibrationReplay.replay(c, profile: device, seed: 42)
                } catch let e as SimulationConfigError {
                    throw InputError(file: file, field: e.field, "configuration '\(c.name)': \(e.message)")
                }
                let p = row.predicted
                digest.combine(c.name)
                let figures: [(String, Double?)] = [
                    ("p50_us", p.p50Us), ("p99_us", p.p99Us), ("mean_us", p.meanUs),
                    ("be_kernels_per_s", p.beKernelsPerSecond), ("unstable", p.unstable.map { $0 ? 1 : 0 }),
                ]
                for (key, v) in figures {
                    digest.combine(v?.bitPattern ?? UInt64.max)
                    if let v { metrics.append(Metric(c.name + "." + key, v)) }
                }
            }
            return CaseResult(name: name, digest: Self.hex(digest.value), metrics: metrics)
        }
    }

    /// A user-mode (HAMi-core) calibration file replayed as `colosim calibrate replay FILE --profile P`
    /// does (seed 42, the default replications, on every core): every predicted figure, and the checks held.
    public static func userModeCalibrationCase(name: String, file: String, profile: DeviceProfile) -> BenchCheckCase {
        BenchCheckCase(name: name) { t in
            let configs = try loadUserModeCalibrationFile(file) ?? []
            let device = t.calibrationProfile(profile)
            var digest = FNV1a64()
            var metrics: [Metric] = []
            var held = 0
            for c in configs {
                let row: UserModeCalibrationRow
                do {
                    row = try UserModeCalibrationReplay.replay(c, profile: device, seed: 42, jobs: SweepParallel.defaultJobs)
                } catch let e as SimulationConfigError {
                    throw InputError(file: file, field: e.field, "configuration '\(c.name)': \(e.message)")
                }
                digest.combine(row.digest)
                held += row.checksHeld
                for ch in row.checks {
                    if let v = ch.predicted { metrics.append(Metric(c.name + "." + ch.container + "." + ch.figure, v)) }
                }
            }
            metrics.append(Metric("checks_held", Double(held)))
            return CaseResult(name: name, digest: Self.hex(digest.value), metrics: metrics)
        }
    }

    /// The FGD placement replay as `colosim place --policy P --arrive A --seeds S` runs it; per policy the
    /// means over seeds (and the standard deviation of the allocation %), as `colosim place` prints them.
    public static func placementCase(name: String, nodes: String, pods: String, policies: [BenchCheckPlacementPolicy],
                                     arrive: Double, seeds: [UInt64]) -> BenchCheckCase {
        BenchCheckCase(name: name) { _ in
            let experiment = try PlacementExperiment(nodesFile: nodes, podsFile: pods, arrive: arrive, seeds: seeds)
            let (cluster, typical) = (experiment.cluster, experiment.typicalPods)
            let (percent, workloads) = (experiment.percent, experiment.workloads)
            var digest = FNV1a64()
            var metrics: [Metric] = []
            func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }
            for p in policies {
                var alloc: [Double] = [], final: [Double] = [], failed: [Double] = [], placed: [Double] = [],
                    frag: [Double] = []
                for w in workloads {
                    let r = p.replay(cluster, typical, w.pods, w.draws, w.nodeRank, percent)
                    digest.combine(r.digest)
                    alloc.append(r.allocationPercent(atArrival: percent))
                    final.append(r.finalAllocationPercent)
                    failed.append(Double(r.failedPods))
                    placed.append(Double(r.placedPods))
                    frag.append(r.clusterGPUMilli > 0 ? 100 * (r.fragmentedGPUMilli ?? 0) / Double(r.clusterGPUMilli) : 0)
                }
                let m = mean(alloc)
                let sd = alloc.count > 1
                    ? (alloc.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(alloc.count - 1)).squareRoot() : 0
                metrics += [
                    Metric(p.name + ".alloc_pct_mean", m), Metric(p.name + ".alloc_pct_sd", sd),
                    Metric(p.name + ".final_alloc_pct_mean", mean(final)),
                    Metric(p.name + ".failed_pods_mean", mean(failed)),
                    Metric(p.name + ".placed_pods_mean", mean(placed)),
                    Metric(p.name + ".frag_pct_mean", mean(frag)),
                ]
            }
            return CaseResult(name: name, digest: Self.hex(digest.value), metrics: metrics)
        }
    }

    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, 16 - s.count)) + s
    }
}
