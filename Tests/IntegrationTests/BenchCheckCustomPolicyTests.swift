import ColoModel
import ColosimCLI
import Foundation
import GPUDevice
import Regression
import Scheduling
import SimEngine
import Simulator
import Testing
import TestSupport

// The worked example of docs/regression.md, "Your own policy": a researcher's placement policy and
// isolation (time-slice) policy, checked through `bench check`'s in-process API.

/// Example placement policy: put each GPU pod on the node with the most free GPU capacity (worst fit,
/// a spreading policy), sharing pods on the emptiest GPU there.
struct MostFreeGPUPolicy: PlacementPolicy {
    var name: String { "most-free-gpu" }
    var gpuSelection: GPUSelection { .worstFit }
    func score(_ shape: PodShape, on node: NodeState) -> PolicyScore {
        shape.needsGPU ? PolicyScore(Int64(node.gpuMilliLeftTotal)) : PolicyScore(0)
    }
}

/// Example isolation policy: the native time-slicer with slices `factor` times the device's.
func longSlices(_ factor: Int64) -> BenchCheckTransform {
    BenchCheckTransform(simulation: { config in
        var c = config
        c.graphicsScheduler = NativeTimeSlicer(timeslice: SimDuration(nanoseconds: c.profile.timeslice.nanoseconds * factor))
        return c
    })
}

@Suite struct BenchCheckCustomPolicyTests {
    static let root = repositoryRoot().path
    static let openb = root + "/../shared/traces/alibaba-gpu-v2023-openb"

    func placement(_ policies: [BenchCheckPlacementPolicy]) -> BenchCheckSuite {
        BenchCheckSuite(cases: [BenchCheckSuite.placementCase(
            name: "placement/openb-default", nodes: Self.openb + "/openb_node_list_gpu_node.csv",
            pods: Self.openb + "/openb_pod_list_default.csv", policies: policies, arrive: 1.3, seeds: [42])])
    }

    @Test func ownPlacementPolicyJoinsTheCheck() throws {
        // Oracle: the built-in gpu-packing run through the custom-policy path replays identically.
        let builtIn = try placement([.builtIn(.gpuPacking)]).cases[0].run(.identity)
        let wrapped = try placement([.custom("gpu-packing") { _, _ in GPUPackingPolicy() }]).cases[0].run(.identity)
        #expect(wrapped == builtIn)

        // The new policy: its metrics are NEW (the check fails) until recorded with a reason.
        let suite = placement([.builtIn(.gpuPacking), .custom("most-free-gpu") { _, _ in MostFreeGPUPolicy() }])
        let baseline = GoldenFile().updated(with: [builtIn], reason: "gpu-packing baseline", date: "d")
        let first = try BenchCheck.compare(suite: suite, golden: baseline,
                                           update: .init(reason: "add most-free-gpu", date: "d"))
        #expect(first.comparison.failed)
        let newRows = first.comparison.failures.filter { $0.verdict == .new }.map(\.metric)
        #expect(newRows == ["most-free-gpu.alloc_pct_mean", "most-free-gpu.alloc_pct_sd",
                            "most-free-gpu.final_alloc_pct_mean", "most-free-gpu.failed_pods_mean",
                            "most-free-gpu.placed_pods_mean", "most-free-gpu.frag_pct_mean"])
        // gpu-packing rows are unchanged; the case digest covers both policies, so it changed.
        #expect(first.comparison.rows.filter { $0.metric.hasPrefix("gpu-packing.") }.allSatisfy { $0.verdict == .ok })

        // `--update --reason` records it; the same results then pass.
        let recorded = try #require(first.updated)
        #expect(recorded.reason == "add most-free-gpu")
        let again = Comparison(golden: recorded, observed: first.ran, reportMissingCases: true)
        #expect(!again.failed)

        // Spreading fragments the cluster: it allocates less than packing when arrivals reach 130%.
        let metric = { (name: String) in first.ran[0].metrics.first { $0.name == name }?.value ?? .nan }
        #expect(metric("most-free-gpu.alloc_pct_mean") < metric("gpu-packing.alloc_pct_mean"))
    }

    @Test func ownIsolationPolicyRunsThroughTheTransform() throws {
        let suite = BenchCheckSuite.standard(root: Self.root)
        let golden = try BenchCheck.loadGolden(Self.root + "/Tests/Golden/bench-check.json")
        // A user-mode scenario time-slices the SMs with the native time-slicer: installing it with the
        // device's own slice (factor 1) reproduces the golden results bit for bit …
        let only = "scenario/v100-ai-render-split-user"
        let same = try BenchCheck.compare(suite: suite, golden: golden, only: only, transform: longSlices(1))
        #expect(!same.comparison.failed, "\(same.comparison.table(failuresOnly: true))")
        // … and 4× longer slices switch contexts less often, which the check reports.
        let longer = try BenchCheck.compare(suite: suite, golden: golden, only: only, transform: longSlices(4))
        #expect(longer.comparison.failed)
        let switches = try #require(longer.comparison.rows.first { $0.metric == "gpus.0.context_switches" })
        #expect(switches.verdict == .regressed)
        #expect(try #require(switches.now) < #require(switches.golden))
    }
}
