import ColoModel
import Testing
import Workload
@testable import Scheduling

@Suite struct SchedulerTests {
    let nodes = (0..<3).map { Fixtures.node("n\($0)", cpu: 16_000, gpus: 2) }

    @Test func tiesGoToTheLowestRankedNode() {
        var s = Scheduler(cluster: ClusterState(nodes: nodes), policy: GPUPackingPolicy(), nodeRank: [2, 0, 1])
        let d = s.schedule(Fixtures.pod(gpus: 1, milli: 500), draws: .first)
        #expect(d.placement?.node == 1)
        #expect(d.tiedNodes == 3 && d.feasibleNodes == 3)
        // packing now prefers the shared GPU on node 1 (score 95) over idle nodes (31)
        let d2 = s.schedule(Fixtures.pod(gpus: 1, milli: 400), draws: .first)
        #expect(d2.placement?.node == 1)
        #expect(d2.placement?.gpus == GPUSet([0]))
        #expect(d2.score == 95)
    }

    @Test func withoutRanksTheDrawPicksAmongTies() {
        for (u, want) in [(0.0, 0), (0.34, 1), (0.99, 2)] {
            var s = Scheduler(cluster: ClusterState(nodes: nodes), policy: GPUPackingPolicy())
            #expect(s.schedule(Fixtures.pod(gpus: 1, milli: 500), draws: PlacementDraws(node: u, gpu: 0)).placement?.node == want)
        }
        // the random policy ignores ranks
        var r = Scheduler(cluster: ClusterState(nodes: nodes), policy: RandomPolicy(), nodeRank: [0, 1, 2])
        #expect(r.schedule(Fixtures.pod(), draws: PlacementDraws(node: 0.9, gpu: 0)).placement?.node == 2)
    }

    @Test func unschedulablePodsExplainWhy() {
        var s = Scheduler(cluster: ClusterState(nodes: nodes), policy: BestFitPolicy())
        let d = s.schedule(Fixtures.pod(gpus: 4, milli: 1000), draws: .first)
        #expect(d.placement == nil)
        #expect(d.verdictCounts[Int(FilterVerdict.insufficientGPU.rawValue)] == 3)
        #expect(d.explanation { "node\($0)" }.contains("3 insufficient GPU"))
    }

    @Test func releaseRestoresTheCluster() {
        let initial = ClusterState(nodes: nodes)
        var s = Scheduler(cluster: initial, policy: FGDPolicy(model: FragmentationModel(typicalPods: [], cluster: initial)))
        var placed: [Placement] = []
        for p in [Fixtures.pod(gpus: 1, milli: 300), Fixtures.pod(gpus: 2, milli: 1000), Fixtures.pod(cpu: 3000)] {
            if let pl = s.schedule(p, draws: .first).placement { placed.append(pl) }
        }
        #expect(placed.count == 3)
        #expect(s.cluster != initial)
        for p in placed.reversed() { s.release(p) }
        #expect(s.cluster == initial)
    }

    /// The per-(node, shape) cache must give exactly the decisions of scoring every node afresh.
    @Test func cachedDecisionsEqualRecomputedOnes() {
        var specs: [NodeSpec] = []
        for i in 0..<12 {
            specs.append(Fixtures.node("n\(i)", cpu: [16_000, 32_000, 96_000][i % 3], gpus: [1, 2, 4, 8][i % 4],
                                       model: ["T4", "G2"][i % 2]))
        }
        let cluster = ClusterState(nodes: specs)
        var rng = SplitMix64(seed: 3, stream: 9)
        let shapes: [PodRequest] = [
            Fixtures.pod(cpu: 4000, gpus: 1, milli: 500), Fixtures.pod(cpu: 8000, gpus: 1, milli: 1000),
            Fixtures.pod(cpu: 2000), Fixtures.pod(cpu: 12_000, gpus: 2, milli: 1000),
            Fixtures.pod(cpu: 1000, gpus: 1, milli: 250, models: ["T4"]),
        ]
        let pods = (0..<150).map { _ in shapes[rng.index(shapes.count)] }
        let typical = TypicalPods.build(from: pods)
        let fgd = FGDPolicy(model: FragmentationModel(typicalPods: typical, cluster: cluster))
        let rank = Array((0..<12).reversed())
        var cached = Scheduler(cluster: cluster, policy: fgd, nodeRank: rank)
        var fresh = cluster
        for pod in pods {
            let got = cached.schedule(pod, draws: .first).placement
            // oracle: filter and score every node now, lowest rank among the best
            let shape = PodShape(pod, in: fresh)
            var best: (score: Int64, rank: Int, node: Int, gpu: Int)?
            for (i, node) in fresh.nodes.enumerated() where Scheduler<FGDPolicy>.filter(shape, on: node) == .fits {
                let sc = fgd.score(shape, on: node)
                if best == nil || sc.value > best!.score || (sc.value == best!.score && rank[i] < best!.rank) {
                    best = (sc.value, rank[i], i, sc.preferredGPU)
                }
            }
            #expect(got?.node == best?.node)
            guard let p = got else { continue }
            if shape.isSharing { #expect(p.gpus == GPUSet([best!.gpu])) }
            fresh.nodes[p.node].cpuLeft -= shape.cpuMilli
            fresh.nodes[p.node].memoryLeft -= shape.memoryMiB
            for g in p.gpus { fresh.nodes[p.node].gpuMilliLeft[g] -= shape.gpuMilli }
        }
        #expect(cached.cluster.nodes.map(\.gpuMilliLeft) == fresh.nodes.map(\.gpuMilliLeft))
    }
}

extension SchedulerTests {
    /// The incremental ranked path (candidate heaps) places exactly like the full scan.
    @Test func incrementalRankedSelectionEqualsFullScan() {
        let specs = (0..<40).map { Fixtures.node("n\($0)", cpu: [16_000, 64_000, 96_000][$0 % 3], gpus: [1, 2, 4, 8][$0 % 4]) }
        let cluster = ClusterState(nodes: specs)
        var rng = SplitMix64(seed: 11, stream: 2)
        let kinds: [PodRequest] = [
            Fixtures.pod(cpu: 4000, gpus: 1, milli: 500), Fixtures.pod(cpu: 8000, gpus: 1, milli: 1000),
            Fixtures.pod(cpu: 6000), Fixtures.pod(cpu: 2000, gpus: 1, milli: 200), Fixtures.pod(cpu: 16_000, gpus: 4, milli: 1000),
        ]
        let pods = (0..<600).map { _ in kinds[rng.index(kinds.count)] }
        var ranks = Array(0..<40)
        for i in stride(from: 39, to: 0, by: -1) { ranks.swapAt(i, rng.index(i + 1)) }
        let fm = FragmentationModel(typicalPods: TypicalPods.build(from: pods), cluster: cluster)
        func run<P: PlacementPolicy>(_ p: P, explains: Bool) -> [Placement?] {
            var s = Scheduler(cluster: cluster, policy: p, nodeRank: ranks)
            s.explains = explains
            var out: [Placement?] = []
            for (k, pod) in pods.enumerated() {
                let placement = s.schedule(pod, draws: .first).placement
                out.append(placement)
                if k % 7 == 3, let placement { s.release(placement) }    // departures too
            }
            return out
        }
        #expect(run(FGDPolicy(model: fm), explains: false) == run(FGDPolicy(model: fm), explains: true))
        #expect(run(GPUPackingPolicy(), explains: false) == run(GPUPackingPolicy(), explains: true))
        #expect(run(BestFitPolicy(), explains: false) == run(BestFitPolicy(), explains: true))
    }
}

extension SchedulerTests {
    /// The feasible-node index path of the random policy places exactly like the full scan.
    @Test func uniformChoiceFromTheIndexEqualsFullScan() {
        let specs = (0..<50).map { Fixtures.node("n\($0)", cpu: [16_000, 64_000][$0 % 2], gpus: [1, 2, 8][$0 % 3]) }
        let cluster = ClusterState(nodes: specs)
        var rng = SplitMix64(seed: 4, stream: 4)
        let kinds = [Fixtures.pod(cpu: 4000, gpus: 1, milli: 500), Fixtures.pod(cpu: 8000, gpus: 2, milli: 1000), Fixtures.pod(cpu: 3000)]
        let pods = (0..<500).map { _ in kinds[rng.index(kinds.count)] }
        let draws = pods.map { _ in PlacementDraws(node: rng.uniform(), gpu: rng.uniform()) }
        func run(explains: Bool) -> [Placement?] {
            var s = Scheduler(cluster: cluster, policy: RandomPolicy(), nodeRank: Array(0..<50))
            s.explains = explains
            var out: [Placement?] = []
            for (k, pod) in pods.enumerated() {
                let p = s.schedule(pod, draws: draws[k]).placement
                out.append(p)
                if k % 5 == 1, let p { s.release(p) }
            }
            return out
        }
        let fast = run(explains: false)
        #expect(fast == run(explains: true))
        #expect(fast.compactMap { $0 }.count > 100)
    }
}
