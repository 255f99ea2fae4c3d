import ColoModel
import Testing
import Workload
@testable import Scheduling

/// A generated mixed LS/BE workload on 6 nodes (fractional and whole GPUs, two GPU models),
/// about twice the cluster's GPU capacity so that many pods fit nowhere.
enum MixedWorkload {
    static func make(_ n: Int = 80) -> (ClusterState, [PodRequest], [PlacementDraws], [Int]) {
        let nodes = (0..<6).map { Fixtures.node("n\($0)", cpu: 64_000, gpus: $0 % 3 == 0 ? 8 : 4, model: $0 % 2 == 0 ? "T4" : "V100") }
        var rng = SplitMix64(seed: 11, stream: 1)
        var pods: [PodRequest] = []
        for i in 0..<n {
            let kind = rng.index(4)
            var p = kind == 3
                ? Fixtures.pod("p\(i)", cpu: 4000, gpus: 2, milli: 1000)
                : Fixtures.pod("p\(i)", cpu: 1000 * (1 + rng.index(4)), gpus: 1, milli: [250, 500, 1000][kind])
            if rng.index(2) == 0 {
                p.priorityClass = .latencySensitive
                p.priority = 1000
            }
            pods.append(p)
        }
        let draws = (0..<n).map { _ in PlacementDraws(node: rng.uniform(), gpu: rng.uniform()) }
        return (ClusterState(nodes: nodes), pods, draws, [3, 0, 5, 1, 4, 2])
    }
}

/// Priority preemption in the placement replay (`colosim place --preempt`).
@Suite struct PreemptionReplayTests {
    static func ls(_ name: String, milli: Int, priority: Int = 1000) -> PodRequest {
        var p = Fixtures.pod(name, gpus: 1, milli: milli)
        p.priorityClass = .latencySensitive
        p.priority = priority
        return p
    }

    static func be(_ name: String, milli: Int, priority: Int = 0) -> PodRequest {
        var p = Fixtures.pod(name, gpus: 1, milli: milli)
        p.priority = priority
        return p
    }

    /// Two 1-GPU nodes, ranked n0 before n1. By hand (best-fit): be-big takes n0's GPU (tie → rank),
    /// be-a and be-b share n1's GPU (300 + 300). ls-x needs a whole GPU: n0 frees one by evicting
    /// be-big (1 victim), n1 needs both be-a and be-b (2 victims) → n0, victim be-big. ls-y: n0 now
    /// runs only an LS pod (never a victim), n1 frees its GPU by evicting be-a and be-b. ls-z fits
    /// nowhere and no BE pod is left to evict → fails. be-c fits nowhere and BE pods never preempt.
    static let cluster = ClusterState(nodes: [Fixtures.node("n0", cpu: 8000, gpus: 1), Fixtures.node("n1", cpu: 8000, gpus: 1)])
    static let pods = [be("be-big", milli: 1000), be("be-a", milli: 300), be("be-b", milli: 300),
                       ls("ls-x", milli: 1000), ls("ls-y", milli: 1000), ls("ls-z", milli: 100), be("be-c", milli: 100)]

    func replay(_ pods: [PodRequest] = Self.pods, rank: [Int] = [0, 1], preempt: Bool = true,
                explain: Bool) -> (ReplayResult, [Int: PlacementDecision]) {
        var seen: [Int: PlacementDecision] = [:]
        let r = PlacementReplay.run(cluster: Self.cluster, policy: BestFitPolicy(), pods: pods, draws: [],
                                    nodeRank: rank, maxPercent: 400, preempt: preempt,
                                    observe: explain ? { seen[$0] = $1 } : nil)
        return (r, seen)
    }

    @Test func lsPodEvictsExactlyTheExpectedBEPodsOnTheExpectedNode() throws {
        let (r, d) = replay(explain: true)
        #expect(r.preemptingPods == 2)
        #expect(r.preemptedPods == 3)
        #expect(r.preemptedGPUMilli == 1000 + 300 + 300)
        #expect(r.failedLSPods == 1 && r.failedBEPods == 1 && r.failedPods == 2)
        #expect(r.placedPods == 5)
        #expect(r.allocatedGPUMilli == 2000)                      // ls-x and ls-y hold both GPUs
        let x = try #require(d[3]?.preemption)
        #expect(x.node == 0 && x.victims == [0] && x.maxVictimPriority == 0)
        #expect(x.feasibleNodes == 2)                             // both nodes had a plan
        #expect(d[3]?.placement?.node == 0)
        #expect(d[3]?.preemptionFound == true)
        #expect(d[3]?.verdictCounts[Int(FilterVerdict.insufficientGPU.rawValue)] == 2)
        let y = try #require(d[4]?.preemption)
        #expect(y.node == 1 && y.victims == [1, 2] && y.feasibleNodes == 1)
        #expect(d[4]?.placement?.node == 1)
        #expect(d[5]?.placement == nil && d[5]?.preemption == nil && d[5]?.preemptionFound == false)
        #expect(d[6]?.placement == nil && d[6]?.preemptionFound == nil)      // BE: never tried
        #expect(d[0]?.preemption == nil && d[0]?.placement?.node == 0)
    }

    @Test func explanationNamesTheVictimsAndTheReason() throws {
        let (_, d) = replay(explain: true)
        let names = Self.pods.map(\.name)
        let nodeName = { (i: Int) in ["n0", "n1"][i] }
        let x = try #require(d[3]).explanation(nodeName: nodeName, podName: { names[$0] })
        #expect(x.contains("fits no node (rejected: 2 insufficient GPU)"))
        #expect(x.contains("preempts 1 BE pod(s) on n0"))
        #expect(x.contains("lowest highest-victim priority 0, then fewest victims 1, then node rank; 2 node(s) had a feasible plan"))
        #expect(x.contains("be-big (BE priority 0, 1000 mCPU, 1024 MiB, 1×1000 milli-GPU on GPU 0)"))
        #expect(x.hasSuffix("bound to n0 GPUs 0"))
        let y = try #require(d[4]).explanation(nodeName: nodeName, podName: { names[$0] })
        #expect(y.contains("on n1") && y.contains("be-a (BE priority 0") && y.contains("be-b (BE priority 0"))
        #expect(!y.contains("be-big"))
        let z = try #require(d[5]).explanation(nodeName: nodeName, podName: { names[$0] })
        #expect(z.contains("unschedulable") && z.contains("no preemption plan"))
    }

    @Test func lowestHighestVictimPriorityBeatsFewerVictims() throws {
        var pods = Self.pods
        pods[0].priority = 5                                     // be-big now outranks be-a and be-b
        let (_, d) = replay(pods, explain: true)
        let x = try #require(d[3]?.preemption)
        #expect(x.node == 1 && x.victims == [1, 2] && x.maxVictimPriority == 0)
    }

    @Test func equalPlansGoToTheBetterRankedNode() throws {
        let pods = [Self.be("be-0", milli: 1000), Self.be("be-1", milli: 1000), Self.ls("ls", milli: 1000)]
        for (rank, node, victim) in [([0, 1], 0, 0), ([1, 0], 1, 0)] {
            let (r, d) = replay(pods, rank: rank, explain: true)
            let plan = try #require(d[2]?.preemption)
            #expect(plan.node == node && plan.victims == [victim] && plan.feasibleNodes == 2)
            #expect(r.preemptedPods == 1)
        }
    }

    @Test func bePodsNeverPreemptAndLSPodsAreNeverVictims() {
        let pods = [Self.ls("ls-0", milli: 1000), Self.ls("ls-1", milli: 1000),
                    Self.be("be-hi", milli: 1000, priority: 5000), Self.ls("ls-2", milli: 1000)]
        let (r, d) = replay(pods, explain: true)
        #expect(r.preemptedPods == 0 && r.preemptingPods == 0)
        #expect(r.failedBEPods == 1 && r.failedLSPods == 1)
        #expect(d[3]?.preemptionFound == false)
        // A BE pod of higher priority than the LS pod is not a victim either.
        let higher = [Self.be("be-0", milli: 1000, priority: 2000), Self.be("be-1", milli: 1000, priority: 2000),
                      Self.ls("ls", milli: 1000)]
        #expect(replay(higher, explain: false).0.preemptedPods == 0)
        // LS pods are never victims, even of an LS pod of higher priority.
        let lsOnly = [Self.ls("ls-low", milli: 1000, priority: 10), Self.ls("ls-low2", milli: 1000, priority: 10),
                      Self.ls("ls-high", milli: 1000, priority: 2000)]
        let (lr, ld) = replay(lsOnly, explain: true)
        #expect(lr.preemptedPods == 0 && lr.failedLSPods == 1 && ld[2]?.preemptionFound == false)
    }

    @Test func withoutPreemptNothingIsPreempted() {
        let (r, d) = replay(preempt: false, explain: true)
        #expect(r.preemptedPods == 0 && r.preemptingPods == 0)
        #expect(d.values.allSatisfy { $0.preemption == nil && $0.preemptionFound == nil })
        #expect(r.failedLSPods == 2)                               // ls-x and ls-y (ls-z fits n1's 400 left)
    }

    /// Digests printed by main for this input before preemption existed (e036c52; FGD's from abe4f6c+1, after
    /// fragmentation moved to the artifact's floating-point order).
    @Test func withoutPreemptTheDigestIsUnchanged() {
        let (cluster, pods, draws, rank) = MixedWorkload.make()
        let typical = TypicalPods.build(from: pods)
        let main: [PlacementPolicyKind: UInt64] = [
            .bestFit: 0xf997ddedeb72116d, .fgd: 0x943d450b04fcaf3d, .random: 0x57251476f2a98fce, .gpuPacking: 0xf997ddedeb72116d,
        ]
        for (kind, digest) in main {
            let r = kind.replay(cluster: cluster, typicalPods: typical, pods: pods, draws: draws, nodeRank: rank)
            #expect(r.digest == digest, "\(kind.rawValue)")
            let p = kind.replay(cluster: cluster, typicalPods: typical, pods: pods, draws: draws, nodeRank: rank, preempt: true)
            #expect(p.digest != digest && p.preemptedPods > 0, "\(kind.rawValue)")
        }
    }

    /// Every preemption, replayed from the observed decisions on an independent ledger: victims are
    /// running BE pods of lower priority on the preemptor's node, and the GPU left allocated is what
    /// the replay reports. The fast path (no explanations, pruned plans) decides the same.
    @Test func preemptionsKeepTheBooksOnAMixedWorkload() {
        let (cluster, pods, draws, rank) = MixedWorkload.make()
        let typical = TypicalPods.build(from: pods)
        for kind in [PlacementPolicyKind.bestFit, .fgd, .random, .gpuPacking, .dotProduct] {
            var running: [Int: Placement] = [:]
            var evicted = 0
            var ok = true
            let r = kind.replay(cluster: cluster, typicalPods: typical, pods: pods, draws: draws, nodeRank: rank,
                                preempt: true) { i, d in
                if let plan = d.preemption {
                    ok = ok && pods[i].priorityClass == .latencySensitive && d.placement?.node == plan.node
                    for v in plan.victims {
                        let victim = pods[v]
                        ok = ok && victim.priorityClass == .bestEffort && victim.priority < pods[i].priority
                            && running[v]?.node == plan.node
                        running[v] = nil
                        evicted += 1
                    }
                }
                if let p = d.placement { running[i] = p }
            }
            #expect(ok, "\(kind.rawValue)")
            #expect(r.preemptedPods == evicted && evicted > 0, "\(kind.rawValue)")
            #expect(running.values.reduce(0) { $0 + $1.shape.gpuMilli * $1.gpus.count } == r.allocatedGPUMilli)
            #expect(running.count == r.placedPods - r.preemptedPods)
            let fast = kind.replay(cluster: cluster, typicalPods: typical, pods: pods, draws: draws, nodeRank: rank, preempt: true)
            #expect(fast == r, "\(kind.rawValue): explained and fast replays differ")
        }
    }
}
