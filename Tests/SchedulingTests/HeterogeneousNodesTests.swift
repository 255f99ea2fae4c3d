import ColoModel
import Scheduling
import Testing

/// Clusters whose nodes differ (`ColocationConfig.nodeGPUCounts`, `gpuMemoryMiBs`): GPUs are numbered
/// node-major over the real layout, and a pod goes only where its node really has a GPU and that GPU
/// has the memory.
@Suite struct HeterogeneousNodesTests {
    static func config(_ kind: ColocationPolicyKind, layout: [Int], memory: [Int]? = nil) -> ColocationConfig {
        var c = ColocationConfig(kind: kind, gpuCount: layout.reduce(0, +), gpusPerNode: layout.max() ?? 1)
        c.nodeGPUCounts = layout
        c.gpuMemoryMiBs = memory
        return c
    }

    static func binds(_ actions: [ColocationAction]) -> [Int] {
        actions.compactMap { if case .bind(_, let g) = $0 { g } else { nil } }
    }

    /// Hand-worked: nodes of 1, 4 and 2 GPUs are GPUs 0 | 1–4 | 5–6. Seven whole-GPU pods fill all
    /// seven, each once; the eighth waits.
    @Test(arguments: [PlacementPolicyKind.binpack, .spread, .bestFit])
    func wholeGPUPodsFillExactlyTheLayout(_ placement: PlacementPolicyKind) {
        var c = Self.config(.dedicated, layout: [1, 4, 2])
        c.placement = placement
        #expect(c.nodeLayout == [1, 4, 2])
        var s = ColocationPolicyKind.dedicated.make(c)
        var gpus: [Int] = []
        for id in 0..<7 {
            gpus += Self.binds(s.handle(.submit(ColocationPod(id: id, priorityClass: .latencySensitive, gpuMilli: 1000)), now: 0))
        }
        #expect(gpus.sorted() == Array(0..<7))
        let eighth = s.handle(.submit(ColocationPod(id: 7, priorityClass: .latencySensitive, gpuMilli: 1000)), now: 0)
        #expect(Self.binds(eighth).isEmpty)
        #expect(s.occupancy.invariantViolations(maxPods: c.maxPodsPerGPU).isEmpty)
    }

    /// A pod asking 20 GiB of GPU memory fits only the 32 GiB GPUs (node 1), never the 16 GiB ones.
    @Test func memoryIsPerGPU() {
        let c = Self.config(.shared, layout: [2, 2], memory: [16_384, 16_384, 32_768, 32_768])
        var s = ColocationPolicyKind.shared.make(c)
        var gpus: [Int] = []
        for id in 0..<3 {
            gpus += Self.binds(s.handle(.submit(ColocationPod(id: id, priorityClass: .latencySensitive, gpuMilli: 250,
                                                             memoryMiB: 20_480)), now: 0))
        }
        #expect(gpus.count == 2 && gpus.allSatisfy { $0 >= 2 }, "\(gpus)")
        #expect(s.occupancy.invariantViolations(maxPods: c.maxPodsPerGPU).isEmpty)
    }

    /// A pinned pod (its current binding) lands on the GPU named in the real layout.
    @Test func pinsUseTheRealLayout() {
        let c = Self.config(.dedicated, layout: [1, 3])
        var s = ColocationPolicyKind.dedicated.make(c)
        let a = s.handle(.submitPinned(ColocationPod(id: 0, priorityClass: .latencySensitive, gpuMilli: 1000), gpu: 3), now: 0)
        #expect(Self.binds(a) == [3])
    }

    /// A layout that does not describe `gpuCount` GPUs is not used (homogeneous nodes instead).
    @Test func anInconsistentLayoutFallsBackToHomogeneousNodes() {
        var c = ColocationConfig(kind: .shared, gpuCount: 8, gpusPerNode: 4)
        c.nodeGPUCounts = [1, 2]
        #expect(c.nodeLayout == [4, 4])
        c.nodeGPUCounts = nil
        c.gpuCount = 10
        #expect(c.nodeLayout == [4, 4, 2])
    }
}
