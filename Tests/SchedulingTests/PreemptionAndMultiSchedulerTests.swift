import ColoModel
import Testing
import Workload
@testable import Scheduling

@Suite struct PreemptionTests {
    @Test func lsPodEvictsTheCheapestBESet() throws {
        let cluster = ClusterState(nodes: [Fixtures.node("a", cpu: 16_000, gpus: 2), Fixtures.node("b", cpu: 16_000, gpus: 2)])
        var s = Scheduler(cluster: cluster, policy: BestFitPolicy())
        var running: [RunningPod] = []
        // fill both nodes' GPUs with BE pods of different priorities
        for (id, prio) in [(0, 5), (1, 1), (2, 3), (3, 3)] {
            let p = try #require(s.schedule(Fixtures.pod(gpus: 1, milli: 1000), draws: .first).placement)
            running.append(RunningPod(id: id, placement: p, priorityClass: .bestEffort, priority: prio))
        }
        var ls = Fixtures.pod(gpus: 1, milli: 1000)
        ls.priorityClass = .latencySensitive
        ls.priority = 10
        #expect(s.schedule(ls, draws: .first).placement == nil)
        let plan = try #require(s.preemptionPlan(for: ls, running: running))
        // one victim suffices; the lowest-priority one (id 1, priority 1) wins
        #expect(plan.victims == [1])
        #expect(plan.node == running[1].placement.node)
        #expect(plan.explanation(nodeName: "x").contains("preempts 1 BE pod"))
        s.release(running[1].placement)
        #expect(s.schedule(ls, draws: .first).placement?.node == plan.node)
    }

    @Test func bePodsAndHigherPriorityVictimsAreNotPreempted() throws {
        let cluster = ClusterState(nodes: [Fixtures.node("a", cpu: 16_000, gpus: 1)])
        var s = Scheduler(cluster: cluster, policy: BestFitPolicy())
        let p = try #require(s.schedule(Fixtures.pod(gpus: 1, milli: 1000), draws: .first).placement)
        let running = [RunningPod(id: 0, placement: p, priorityClass: .bestEffort, priority: 50)]
        var be = Fixtures.pod(gpus: 1, milli: 1000)
        be.priority = 100
        #expect(s.preemptionPlan(for: be, running: running) == nil)            // BE never preempts
        var ls = Fixtures.pod(gpus: 1, milli: 1000)
        ls.priorityClass = .latencySensitive
        ls.priority = 10
        #expect(s.preemptionPlan(for: ls, running: running) == nil)            // victim outranks it
    }
}

@Suite struct MultiSchedulerTests {
    func workload(_ n: Int) -> ([PodRequest], ClusterState) {
        let cluster = ClusterState(nodes: (0..<6).map { Fixtures.node("n\($0)", cpu: 32_000, gpus: 4) })
        var rng = SplitMix64(seed: 5, stream: 1)
        let pods = (0..<n).map { i -> PodRequest in
            var p = Fixtures.pod("p\(i)", cpu: 2000, gpus: 1, milli: [250, 500, 1000][rng.index(3)])
            p.schedulerName = i % 2 == 0 ? "packer" : "fgd"
            return p
        }
        return (pods, cluster)
    }

    func run(batch: Int, fine: Bool = true) -> MultiSchedulerReplay.Result {
        let (pods, cluster) = workload(60)
        let typical = TypicalPods.build(from: pods)
        return MultiSchedulerReplay.run(
            cluster: cluster,
            schedulers: [("packer", PlacementPolicyKind.gpuPacking.policy(cluster: cluster, typicalPods: typical)),
                         ("fgd", PlacementPolicyKind.fgd.policy(cluster: cluster, typicalPods: typical))],
            pods: pods, draws: [], nodeRank: Array(0..<6), batchSize: batch, fineGrained: fine)
    }

    @Test func oneAtATimeNeverConflicts() {
        let r = run(batch: 1)
        #expect(r.conflicts == 0)
        #expect(r.cluster.conflicts == 0)
    }

    @Test func concurrentBatchesConflictButNeverOvercommit() {
        let r = run(batch: 8)
        #expect(r.conflicts > 0)
        #expect(r.cluster.state.nodes.allSatisfy { n in n.gpuMilliLeft.allSatisfy { $0 >= 0 } && n.cpuLeft >= 0 })
        let held = 24_000 - r.cluster.state.nodes.reduce(0) { $0 + $1.gpuMilliLeftTotal }
        #expect(held == r.cluster.state.gpuMilliAllocated && r.placed == r.cluster.commits)
        #expect(r.schedulers.reduce(0) { $0 + $1.placed + $1.failed } == 60)
        // coarse-grained checking also conflicts, and a single scheduler with itself never does
        #expect(run(batch: 8, fine: false).conflicts > 0)
    }
}

extension MultiSchedulerTests {
    @Test func aSchedulerDoesNotConflictWithItself() {
        let (pods0, cluster) = workload(60)
        let pods = pods0.map { p -> PodRequest in
            var q = p
            q.schedulerName = "solo"
            return q
        }
        let r = MultiSchedulerReplay.run(cluster: cluster, schedulers: [("solo", AnyPlacementPolicy(BestFitPolicy()))],
                                         pods: pods, draws: [], nodeRank: Array(0..<6), batchSize: 8, fineGrained: false)
        #expect(r.conflicts == 0)
        #expect(r.placed + r.schedulers[0].failed == 60)
    }
}
