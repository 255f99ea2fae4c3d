import ColoModel
import Testing
import Workload
@testable import Scheduling

/// The grouped fragmentation computation against a literal transcription of the artifact's
/// per-typical-pod definition (`NodeGpuShareFragAmount` / `GetNodePodFrag`, summed except Q3).
@Suite struct FragmentationModelTests {
    static func oracle(lefts: [Int], cpuLeft: Int, model: String?, typical: [TypicalPod]) -> Double {
        let idle = Double(lefts.reduce(0, +))
        var frag = 0.0
        for t in typical {
            if t.gpuMilli == 0 { frag += t.popularity * idle; continue }          // XL / XR
            let names = t.gpuModels.split(separator: "|").map(String.init)
            let accessible = names.isEmpty || (model.map { names.contains($0) } ?? false)
            guard accessible else { frag += t.popularity * idle; continue }       // no access
            let canHost = lefts.filter { $0 >= t.gpuMilli }.count >= t.gpuCount
            if canHost && cpuLeft >= t.cpuMilli {                                  // Q3: partial
                frag += t.popularity * Double(lefts.filter { $0 < t.gpuMilli }.reduce(0, +))
            } else {                                                               // Q1, Q2, Q4
                frag += t.popularity * idle
            }
        }
        return frag
    }

    @Test func matchesTheArtifactDefinitionOnRandomStates() {
        let typical = [
            TypicalPod(cpuMilli: 4000, gpuMilli: 500, gpuCount: 1, gpuModels: "", popularity: 0.2),
            TypicalPod(cpuMilli: 12000, gpuMilli: 1000, gpuCount: 1, gpuModels: "", popularity: 0.2),
            TypicalPod(cpuMilli: 8000, gpuMilli: 250, gpuCount: 1, gpuModels: "T4", popularity: 0.1),
            TypicalPod(cpuMilli: 32000, gpuMilli: 1000, gpuCount: 4, gpuModels: "", popularity: 0.1),
            TypicalPod(cpuMilli: 2000, gpuMilli: 500, gpuCount: 1, gpuModels: "V100M16|V100M32", popularity: 0.15),
            TypicalPod(cpuMilli: 6000, gpuMilli: 0, gpuCount: 0, gpuModels: "", popularity: 0.15),
            TypicalPod(cpuMilli: 16000, gpuMilli: 500, gpuCount: 1, gpuModels: "", popularity: 0.1),
        ]
        let models = ["T4", "V100M32", "G2"]
        let cluster = ClusterState(nodes: models.map { Fixtures.node($0, gpus: 8, model: $0) })
        let fm = FragmentationModel(typicalPods: typical, cluster: cluster)
        var rng = SplitMix64(seed: 7, stream: 0)
        let shares = [0, 100, 250, 300, 500, 700, 1000]
        for _ in 0..<2000 {
            let m = rng.index(models.count)
            let gpus = 1 + rng.index(8)
            let lefts = (0..<gpus).map { _ in shares[rng.index(shares.count)] }
            let cpu = rng.index(40) * 1000
            let node = Fixtures.state(gpuLeft: lefts, cpuLeft: cpu, model: models[m], clusterModels: models)
            let got = fm.fragmentation(of: node)
            let want = Self.oracle(lefts: lefts, cpuLeft: cpu, model: models[m], typical: typical)
            #expect(abs(got - want) < 1e-6, "lefts \(lefts) cpu \(cpu) model \(models[m])")
        }
    }

    @Test func idleNodeOfAnAllowedModelHasNoFragmentationFromFittingPods() {
        let typical = [TypicalPod(cpuMilli: 1000, gpuMilli: 500, gpuCount: 1, gpuModels: "", popularity: 1)]
        let cluster = ClusterState(nodes: [Fixtures.node("n", gpus: 2)])
        let fm = FragmentationModel(typicalPods: typical, cluster: cluster)
        #expect(fm.fragmentation(of: cluster.nodes[0]) == 0)
        // a node whose CPU is exhausted: every idle GPU is fragmented (Q4)
        #expect(fm.fragmentation(of: Fixtures.state(gpuLeft: [1000, 1000], cpuLeft: 0)) == 2000)
    }
}
