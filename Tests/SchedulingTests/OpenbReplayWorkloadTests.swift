import ColoModel
import Testing
import Workload

@Suite struct OpenbReplayWorkloadTests {
    let nodes = [NodeSpec(name: "n", cpuMilli: 96_000, memoryMiB: 1, gpuCount: 8, gpuModel: "G2")]

    func trace() -> [PodRequest] {
        (0..<6).map { PodRequest(name: "p\($0)", cpuMilli: 1000, memoryMiB: 1, gpuCount: $0 == 0 ? 0 : 1, gpuMilli: $0 == 0 ? 0 : 500) }
    }

    @Test func topsUpUntilTheNextShareWouldExceedTheTarget() {
        // 5 × 500 = 2500 milli of 8000; target 1.3 × 8000 = 10400
        let w = OpenbReplayWorkload(trace: trace(), nodes: nodes, ratio: 1.3, seed: 42)
        let total = w.pods.reduce(0) { $0 + $1.totalGPUMilli }
        #expect(total <= 10_400 && total > 10_400 - 500)
        #expect(Set(w.pods.prefix(6).map(\.name)) == Set((0..<6).map { "p\($0)" }))   // originals first, shuffled
        #expect(w.pods.dropFirst(6).allSatisfy { $0.name.contains("-tuned-") })
        #expect(w.draws.count == w.pods.count)
        #expect(w.nodeRank == [0])
    }

    @Test func thinsOutWhenAboveTheTarget() {
        let w = OpenbReplayWorkload(trace: trace(), nodes: nodes, ratio: 0.2, seed: 1)
        #expect(w.pods.reduce(0) { $0 + $1.totalGPUMilli } <= 1600)
    }

    @Test func seedsChangeTheOrderDeterministically() {
        let a = OpenbReplayWorkload(trace: trace(), nodes: nodes, ratio: 1.3, seed: 42)
        let b = OpenbReplayWorkload(trace: trace(), nodes: nodes, ratio: 1.3, seed: 42)
        let c = OpenbReplayWorkload(trace: trace(), nodes: nodes, ratio: 1.3, seed: 43)
        #expect(a.pods == b.pods && a.draws == b.draws)
        #expect(a.pods != c.pods)
    }
}
