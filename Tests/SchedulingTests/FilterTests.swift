import ColoModel
import Testing
@testable import Scheduling

@Suite struct FilterTests {
    let cluster = ClusterState(nodes: [
        Fixtures.node("a", cpu: 8000, mem: 4096, gpus: 2, model: "T4"),
        Fixtures.node("b", cpu: 8000, mem: 4096, gpus: 0),
        Fixtures.node("c", cpu: 8000, mem: 4096, gpus: 4, model: "V100M32"),
    ])

    func verdict(_ pod: PodRequest, _ node: Int) -> FilterVerdict {
        Scheduler<RandomPolicy>.filter(PodShape(pod, in: cluster), on: cluster.nodes[node])
    }

    @Test func cpuAndMemoryAreCheckedFirst() {
        #expect(verdict(Fixtures.pod(cpu: 8001), 0) == .insufficientCPU)
        #expect(verdict(Fixtures.pod(cpu: 8000, mem: 4097), 0) == .insufficientMemory)
        #expect(verdict(Fixtures.pod(cpu: 8000, mem: 4096), 1) == .fits)
    }

    @Test func gpuPodsNeedAGPUNodeOfAnAllowedModel() {
        let share = Fixtures.pod(gpus: 1, milli: 500)
        #expect(verdict(share, 1) == .noGPU)
        #expect(verdict(share, 0) == .fits)
        let v100 = Fixtures.pod(gpus: 1, milli: 500, models: ["V100M16", "V100M32"])
        #expect(verdict(v100, 0) == .gpuModelMismatch)
        #expect(verdict(v100, 2) == .fits)
        let unknown = Fixtures.pod(gpus: 1, milli: 500, models: ["A100"])
        #expect(verdict(unknown, 0) == .gpuModelMismatch)
        #expect(verdict(unknown, 2) == .gpuModelMismatch)
    }

    @Test func gpuCapacityCountsGPUsWithTheShareFree() {
        var c = cluster
        c.nodes[0].gpuMilliLeft = [300, 1000]
        let s = { (p: PodRequest) in Scheduler<RandomPolicy>.filter(PodShape(p, in: c), on: c.nodes[0]) }
        #expect(s(Fixtures.pod(gpus: 1, milli: 300)) == .fits)
        #expect(s(Fixtures.pod(gpus: 1, milli: 1000)) == .fits)
        #expect(s(Fixtures.pod(gpus: 2, milli: 1000)) == .insufficientGPU)
        c.nodes[0].gpuMilliLeft = [200, 250]
        #expect(s(Fixtures.pod(gpus: 1, milli: 300)) == .insufficientGPU)
    }
}
