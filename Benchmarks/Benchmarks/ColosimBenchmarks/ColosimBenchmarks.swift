import Benchmark
import ColoModel
import ColosimCLI
import Experiments
import Foundation
import GPUDevice
import Regression
import SimEngine
import Simulator

/// Simulator benchmarks (issue 6): the device model step, the scheduler on openb, and a full
/// single-GPU and cluster scenario, each run as `colosim bench check` runs it.
///
/// Thresholds (Thresholds/6.3): malloc counts are deterministic for a given toolchain and held to
/// ±5% (no absolute bound: ordo-one fails when either bound is exceeded, and these counts are in the
/// 10^5–10^6 range, where one extra allocation per event adds far more than 5%); wall time is held
/// loosely (±400%, shared 2-core machines), as for the engine benchmarks.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(2),
        maxIterations: 5,
        thresholds: [
            .wallClock: .init(relative: [.p90: 400]),
            .mallocCountTotal: .init(relative: [.p90: 5]),
        ]
    )

    // The fluid device model alone: 4 contexts sharing the SMs, 2,000 kernels of mixed shapes,
    // advanced from event to event until all have finished (one settle + advance per step).
    Benchmark("DeviceModel_step_2k_kernels") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(DeviceStepWorkload.run(kernels: 2_000))
        }
    }

    // The FGD placement replay of `colosim bench check` for one policy and one seed (CSV loading
    // included): openb default topped up to 130% of GPU capacity (10,774 pods for seed 42; FGD
    // places 8,330, best-fit 8,172) onto 1,213 nodes. Pods placed per second = placed pods / wall time.
    for policy in ["fgd", "best-fit"] {
        Benchmark("Placement_openb_default_\(policy)_seed42") { benchmark in
            let suite = BenchmarkSuites.placement(policy: policy)
            for _ in benchmark.scaledIterations {
                blackHole(try suite.cases[0].run(.identity))
            }
        }
    }

    // Full single-GPU scenario (YAML loading, simulation, report): kernel-mode fixed, 4 s.
    Benchmark("Scenario_single_gpu_kernel_fixed_idle") { benchmark in
        let c = BenchmarkSuites.scenario("v100-kernel-fixed-idle")
        for _ in benchmark.scaledIterations { blackHole(try c.run(.identity)) }
    }

    // Full cluster scenario: recsys co-location (scheduler + node model at response fidelity, dedicated policy).
    Benchmark("Scenario_cluster_recsys_colocation") { benchmark in
        let c = BenchmarkSuites.scenario("recsys-colocation")
        for _ in benchmark.scaledIterations { blackHole(try c.run(.identity)) }
    }

    // Issue "Fleet scale", must-show 1 on a slice: the openb fleet scenario cut to 202 nodes spread
    // over its node list (1,014 GPUs; `colosim import openb --days 1 --nodes-limit 202`), one day under
    // `shared` at response fidelity, one evaluation thread. Cold: an empty response cache. Warm: every
    // state cached, so this is the cluster, the scheduler, churn and the cache look-ups alone.
    responseCacheBenchmarks("Scenario_fleet_openb_1014gpu_1day_shared", scenario: "scenarios/bench/fleet-openb-1014-day.yaml") {
        try ScenarioOverrides(policy: "shared")
    }

    // Issue "One pipeline", must-show 3 on a slice: recsys under `shared` at response fidelity, the
    // first simulated hour, one evaluation thread. Cold: an empty response cache, every state is
    // evaluated by the node model. Warm: every state is in the cache (filled once before measuring),
    // so this is the cluster, the scheduler and the cache look-ups alone.
    responseCacheBenchmarks("Scenario_cluster_recsys_shared_1h_response", scenario: "scenarios/recsys-colocation.yaml") {
        try ScenarioOverrides(policy: "shared").setting("duration_s", to: "3600", field: "--set")
    }
}

/// Two benchmarks of a cluster scenario at response fidelity: `NAME_cold` (an empty response cache:
/// every state evaluated by the node model) and `NAME_warm` (the cache filled by one run before
/// measuring: the cluster, the scheduler and the cache look-ups alone).
func responseCacheBenchmarks(_ name: String, scenario: String,
                             overrides make: @escaping @Sendable () throws -> ScenarioOverrides) {
    for warm in [false, true] {
        Benchmark("\(name)_\(warm ? "warm" : "cold")") { benchmark in
            var runner = try ScenarioRunner(path: BenchmarkSuites.root + "/" + scenario)
            let overrides = try make()
            let filled = ResponseCache()
            if warm {
                runner.responseCache = filled
                _ = try runner.run(overrides)
            }
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                runner.responseCache = warm ? filled : ResponseCache()
                blackHole(try runner.run(overrides))
            }
        }
    }
}
