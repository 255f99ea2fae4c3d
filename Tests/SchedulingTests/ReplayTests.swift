import ColoModel
import Testing
@testable import Scheduling

@Suite struct ReplayTests {
    /// Three whole-GPU pods on a 2-GPU cluster: arrivals 50 %, 100 %, 150 %; the third fails.
    @Test func allocationIsDiscretisedByArrivedRequest() {
        let cluster = ClusterState(nodes: [Fixtures.node("n", gpus: 2)])
        let pods = (0..<3).map { Fixtures.pod("p\($0)", gpus: 1, milli: 1000) }
        let r = PlacementReplay.run(cluster: cluster, policy: BestFitPolicy(), pods: pods, draws: [], maxPercent: 150)
        #expect(r.placedPods == 2 && r.failedPods == 1)
        #expect(r.arrivedGPUMilli == 3000 && r.allocatedGPUMilli == 2000)
        #expect(r.allocationByArrival[50] == 50)
        #expect(r.allocationByArrival[100] == 100)
        #expect(r.allocationByArrival[150] == 100)
        #expect(r.allocationByArrival[49] == 50)      // no event at 49 %: mean of 48…50 %
        #expect(r.allocationByArrival[75] == nil)
        #expect(r.finalAllocationPercent == 100)
    }

    @Test func sameInputsGiveTheSameDigest() {
        let cluster = ClusterState(nodes: (0..<4).map { Fixtures.node("n\($0)", gpus: 2) })
        let pods = (0..<20).map { Fixtures.pod("p\($0)", cpu: 1000 * ($0 % 5 + 1), gpus: 1, milli: [200, 500, 1000][$0 % 3]) }
        let draws = (0..<20).map { PlacementDraws(node: Double($0 % 7) / 7, gpu: Double($0 % 3) / 3) }
        let a = PlacementPolicyKind.random.replay(cluster: cluster, typicalPods: [], pods: pods, draws: draws)
        let b = PlacementPolicyKind.random.replay(cluster: cluster, typicalPods: [], pods: pods, draws: draws)
        let c = PlacementPolicyKind.random.replay(cluster: cluster, typicalPods: [], pods: pods, draws: draws.reversed())
        #expect(a == b)
        #expect(a.digest != c.digest)
    }
}
