import ColoModel
import Testing
@testable import Scheduling

/// Scores worked out by hand from the FGD artifact's formulas (see each policy's doc comment).
@Suite struct PolicyScoreTests {
    func shape(cpu: Int = 1000, gpus: Int, milli: Int) -> PodShape {
        PodShape(cpuMilli: cpu, memoryMiB: 0, gpuCount: gpus, gpuMilli: milli)
    }

    @Test func gpuPackingCases() {
        let p = GPUPackingPolicy()
        // case 3, all GPUs idle: max(33 − idle, idle)
        #expect(p.score(shape(gpus: 1, milli: 300), on: Fixtures.state(gpuLeft: Array(repeating: 1000, count: 8), cpuLeft: 64_000)).value == 25)
        #expect(p.score(shape(gpus: 1, milli: 300), on: Fixtures.state(gpuLeft: [1000], cpuLeft: 64_000)).value == 32)
        // case 1, a shared GPU with 500 free: 100 − ⌊50 %⌋/10 = 95
        #expect(p.score(shape(gpus: 1, milli: 300), on: Fixtures.state(gpuLeft: [1000, 500], cpuLeft: 64_000)).value == 95)
        // case 2, one idle GPU taken on a used node: 50 − 1; two: 50 − 2
        #expect(p.score(shape(gpus: 1, milli: 1000), on: Fixtures.state(gpuLeft: [1000, 500], cpuLeft: 64_000)).value == 49)
        #expect(p.score(shape(gpus: 2, milli: 1000), on: Fixtures.state(gpuLeft: [1000, 1000, 500, 1000], cpuLeft: 64_000)).value == 48)
        // CPU pods score 0 everywhere
        #expect(p.score(shape(gpus: 0, milli: 0), on: Fixtures.state(gpuLeft: [1000], cpuLeft: 64_000)).value == 0)
    }

    @Test func gpuClusteringBands() {
        let p = GPUClusteringPolicy()
        var node = Fixtures.state(gpuLeft: Array(repeating: 1000, count: 8), cpuLeft: 64_000)
        #expect(p.score(shape(gpus: 1, milli: 500), on: node).value == 25)      // idle node: (25, 50]
        node.gpuMilliLeft[0] = 500
        node.affinityCounts[0] = 1                                               // one sharing pod
        // same tag only: ⌊25 · 500 / 8000⌋ + 75 = 76; other tag only: 1 + 0
        #expect(p.score(shape(gpus: 1, milli: 500), on: node).value == 76)
        #expect(p.score(shape(gpus: 1, milli: 1000), on: node).value == 1)
        node.affinityCounts[1] = 1
        #expect(p.score(shape(gpus: 1, milli: 500), on: node).value == 51)      // mixed tags: (50, 75]
    }

    @Test func bestFitAndDotProduct() {
        let node = Fixtures.state(gpuLeft: [1000, 1000, 1000, 1000], cpuLeft: 64_000)
        let s = shape(cpu: 8000, gpus: 1, milli: 1000)
        // 0.5 · 56000/128000 + 0.5 · 3000/8000 = 0.40625 → ⌊59.375⌋
        #expect(BestFitPolicy().score(s, on: node).value == 59)
        // (0.5 · 0.0625 + 0.5 · 0.125)/2 = 0.046875 → ⌊95.3125⌋
        #expect(DotProductPolicy().score(s, on: node).value == 95)
    }

    @Test func fgdPicksTheGPUThatFragmentsLeast() {
        let typical = [
            TypicalPod(cpuMilli: 1000, gpuMilli: 500, gpuCount: 1, gpuModels: "", popularity: 0.5),
            TypicalPod(cpuMilli: 1000, gpuMilli: 1000, gpuCount: 1, gpuModels: "", popularity: 0.3),
            TypicalPod(cpuMilli: 1000, gpuMilli: 0, gpuCount: 0, gpuModels: "", popularity: 0.2),
        ]
        let cluster = ClusterState(nodes: [Fixtures.node("n", cpu: 8000, gpus: 2)])
        let model = FragmentationModel(typicalPods: typical, cluster: cluster)
        let node = Fixtures.state(gpuLeft: [1000, 300], cpuLeft: 4000, cpu: 8000)
        // F = 0.5·300 + 0.3·300 + 0.2·1300 = 500
        #expect(abs(model.fragmentation(of: node) - 500) < 1e-9)
        // on GPU 1: F' = 0.5·100 + 0.3·100 + 0.2·1100 = 300 → ⌊100·σ(0.2)⌋ = 54;
        // on GPU 0: F' = 0.5·300 + 0.3·1100 + 0.2·1100 = 700 → ⌊100·σ(−0.2)⌋ = 45
        let s = FGDPolicy(model: model).score(shape(gpus: 1, milli: 200), on: node)
        #expect(s.value == 54)
        #expect(s.preferredGPU == 1)
    }

    @Test func hamiBinpackPrefersTheFullerNode() {
        let empty = Fixtures.state(gpuLeft: [1000, 1000], cpuLeft: 64_000)
        let half = Fixtures.state(gpuLeft: [1000, 500], cpuLeft: 60_000)
        let s = shape(gpus: 1, milli: 300)
        let bin = HAMiPolicy(node: .binpack, gpu: .binpack)
        let spread = HAMiPolicy(node: .spread, gpu: .spread)
        #expect(bin.score(s, on: half).value > bin.score(s, on: empty).value)
        #expect(spread.score(s, on: half).value < spread.score(s, on: empty).value)
        // 10·(300 + 500)/2000 + 10·(1 used device)/2 = 9 → 9000
        #expect(bin.score(s, on: half).value == 9000)
        #expect(bin.gpuSelection == .bestFit && spread.gpuSelection == .worstFit)
    }
}
