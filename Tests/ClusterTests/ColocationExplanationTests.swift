import ColoModel
import Scheduling
import Simulator
import Testing
import Workload

/// `--explain` in the pure core: each policy's reconstruction of why it acted, against hand-worked
/// occupancies and the closed form of the priority arbitration.
struct ColocationExplanationTests {
    func pod(_ id: Int, _ c: PriorityClass, milli: Int = 500) -> ColocationPod {
        ColocationPod(id: id, priorityClass: c, gpuMilli: milli, memoryMiB: 1024)
    }

    /// Submits `pod` and returns the actions and the explanation the policy gives from its state before.
    func submit<P: ColocationPolicy>(_ p: inout P, _ pod: ColocationPod, now: Double = 0)
        -> (actions: [ColocationAction], why: [ColocationExplanation]) {
        let before = p
        let actions = p.handle(.submit(pod), now: now)
        return (actions, before.explain(.submit(pod), actions: actions, now: now))
    }

    func text(_ x: ColocationExplanation?) -> String {
        x?.reasonText(pod: { "p\($0)" }, service: { "s\($0)" }) ?? ""
    }

    @Test func bestFitNamesTheTightestFitAndTheMostFreeGPU() {
        var p = SharedPolicy(config: ColocationConfig(gpuCount: 4))
        let first = submit(&p, pod(1, .latencySensitive, milli: 600))
        #expect(first.actions == [.bind(pod: 1, gpu: 0)])          // four empty GPUs tie; the lowest wins
        #expect(text(first.why.first) == "best fit by quota: GPU 0 had 1000 of 1000 milli-GPU free (0 MiB used), the fullest "
                + "of 4 GPUs with room for 600 milli-GPU and 1024 MiB (lowest-numbered of 4 tied)")
        _ = submit(&p, pod(2, .latencySensitive, milli: 500))     // 1100 > 1000 on GPU 0 → GPU 1
        let third = submit(&p, pod(3, .bestEffort, milli: 300))
        #expect(third.actions == [.bind(pod: 3, gpu: 0)])
        // GPU 0 (600 used), 1 (500), 2 and 3 (0) all fit 300; GPU 0 is the fullest.
        #expect(third.why.first?.reason == .placement(pod: pod(3, .bestEffort, milli: 300), rule: .bestFit,
                                                      choice: .bestFit(milliUsed: 600, memoryUsed: 1024, candidates: 4, tied: 1)))
        #expect(text(third.why.first).contains("GPU 0 had 400 of 1000 milli-GPU free (1024 MiB used), the fullest of 4 GPUs"))
        _ = submit(&p, pod(4, .bestEffort, milli: 900))           // GPUs 2, 3 fit → GPU 2
        let fifth = submit(&p, pod(5, .bestEffort, milli: 800))   // only GPU 3
        #expect(fifth.why.first?.reason == .placement(pod: pod(5, .bestEffort, milli: 800), rule: .bestFit,
                                                      choice: .bestFit(milliUsed: 0, memoryUsed: 0, candidates: 1, tied: 1)))
        // Used 900 / 500 / 900 / 800: 600 fits nowhere; GPU 1 has the most free (500).
        let sixth = submit(&p, pod(6, .bestEffort, milli: 600))
        #expect(sixth.actions == [.queued(pod: 6)])
        #expect(sixth.why.first?.kind == .queued && sixth.why.first?.gpu == nil)
        #expect(sixth.why.first?.reason == .placement(pod: pod(6, .bestEffort, milli: 600), rule: .bestFit,
                                                      choice: .noFit(mostFree: 1, milliFree: 500, memoryFree: 16384 - 1024,
                                                                     atPodLimit: 0, maxPods: 16)))
        #expect(text(sixth.why.first) == "best fit by quota: no GPU has room for 600 milli-GPU and 1024 MiB "
                + "(most free: GPU 1 with 500 milli-GPU and 15360 MiB)")
    }

    @Test func besideLSExplainsEachBranchAndTheDrainAfterAFinish() {
        var config = ColocationConfig(gpuCount: 2)
        config.maxBEPerGPU = 2
        var p = PreemptivePolicy(config: config)
        func choice(_ r: (actions: [ColocationAction], why: [ColocationExplanation])) -> ColocationPlacementChoice? {
            guard case .placement(_, let rule, let c)? = r.why.first?.reason, rule == .besideLS else { return nil }
            return c
        }
        #expect(choice(submit(&p, pod(0, .latencySensitive))) == .lsApart(pods: 0, candidates: 2, tied: 2)) // GPU 0
        #expect(choice(submit(&p, pod(1, .bestEffort))) == .besideLS(beCount: 0, maxBE: 2, candidates: 1, tied: 1))
        #expect(choice(submit(&p, pod(2, .bestEffort))) == .besideLS(beCount: 1, maxBE: 2, candidates: 1, tied: 1))
        #expect(choice(submit(&p, pod(3, .bestEffort))) == .emptyForBE(empty: 1))                           // GPU 1
        #expect(choice(submit(&p, pod(4, .bestEffort))) == .beOnly(beCount: 1, maxBE: 2))                   // GPU 1
        let full = submit(&p, pod(5, .bestEffort))
        #expect(full.actions == [.queued(pod: 5)] && choice(full) == .noBESlot(maxBE: 2))
        // An LS pod may join the BE-only GPU (it holds no LS pod).
        let ls = submit(&p, pod(6, .latencySensitive))
        #expect(ls.actions == [.bind(pod: 6, gpu: 1)] && choice(ls) == .lsApart(pods: 2, candidates: 1, tied: 1))
        // Pod 1 finishes: waiting pod 5 takes its slot beside LS pod 0, explained against the state after the finish.
        let before = p
        let drained = p.handle(.finish(pod: 1), now: 30)
        let why = before.explain(.finish(pod: 1), actions: drained, now: 30)
        #expect(drained == [.bind(pod: 5, gpu: 0)])
        #expect(why.count == 1 && why.first?.time == 30 && why.first?.pod == 5 && why.first?.gpu == 0)
        #expect(choice((drained, why)) == .besideLS(beCount: 1, maxBE: 2, candidates: 1, tied: 1))
        #expect(text(why.first) == "LS apart, BE beside LS: GPU 0 holds an LS pod and 1 of at most 2 BE pods, "
                + "the fewest among 1 LS GPUs with a free BE slot")
    }

    @Test func dedicatedQueueNamesTheFullCluster() {
        var p = DedicatedPolicy(config: ColocationConfig(gpuCount: 2))
        #expect(submit(&p, pod(0, .latencySensitive)).why.first?.reason
                == .placement(pod: pod(0, .latencySensitive), rule: .wholeGPU, choice: .lowestEmpty(empty: 2)))
        _ = submit(&p, pod(1, .bestEffort))
        let q = submit(&p, pod(2, .bestEffort))
        #expect(text(q.why.first) == "whole GPU: no empty GPU: all 2 GPUs hold a pod (1 LS, 1 BE)")
    }

    @Test func preemptionFactsFollowThePriorityArbitration() {
        // LS wants 0.3 of the step and wakes 100/s; BE wants it all. LS runs as if alone (0.3), BE
        // gets 0.7 and is running whenever LS wakes (p = 0.7 / 0.7), so it is preempted 100/s and
        // loses 100 × 75 µs = 7.5 ms/s: duty 0.7 − 0.0075.
        let p = PreemptivePolicy(config: ColocationConfig(gpuCount: 1))
        let demands = [GPUPodDemand(pod: 0, priorityClass: .latencySensitive, demand: 0.3, activationsPerSecond: 100),
                       GPUPodDemand(pod: 1, priorityClass: .bestEffort, demand: 1)]
        var q = p
        let actions = q.handle(.arbitrate(gpu: 0, demands: demands), now: 120)
        let why = p.explain(.arbitrate(gpu: 0, demands: demands), actions: actions, now: 120)
        #expect(why.count == 1)
        let x = why.first
        #expect(x?.kind == .preempt && x?.pod == 1 && x?.gpu == 0 && x?.time == 120)
        guard case .preemption(let f)? = x?.reason else {
            Issue.record("not a preemption: \(String(describing: x))")
            return
        }
        #expect(f.lsPods == [0] && abs(f.lsDuty - 0.3) < 1e-12 && f.lsWakeupsPerSecond == 100)
        #expect(f.beDemand == 1 && abs(f.beDuty - (0.7 - 0.0075)) < 1e-12)
        #expect(abs(f.preemptionsPerSecond - 100) < 1e-9 && abs(f.lostWorkPerSecond - 0.0075) < 1e-12)
        #expect(abs(f.lsMaxWait - 150e-6) < 1e-15 && f.otherBEPods == 0)
        #expect(text(x) == "LS pod p0 on GPU 0 runs 0.30 of the step and wakes 100.0/s, preempting BE work at once: "
                + "BE pod p1 throttled from 1.00 to 0.69 of the step; 100.0 preemptions/s cost it 7.50 ms/s of progress, "
                + "LS waits ≤ 0.150 ms")
        // Time slices never preempt: nothing to explain.
        let ts = TimeSlicedPolicy(config: ColocationConfig(gpuCount: 1))
        var tq = ts
        let tsActions = tq.handle(.arbitrate(gpu: 0, demands: demands), now: 120)
        #expect(ts.explain(.arbitrate(gpu: 0, demands: demands), actions: tsActions, now: 120).isEmpty)
    }

    @Test func tidalExplainsReclaimsAndLendsWithTheReplicaRule() {
        let svc = TidalService(capacityPerReplica: 100, headroom: 1)
        var p = TidalPolicy(config: ColocationConfig(gpuCount: 3, tidalServices: [svc]))
        _ = p.handle(.serviceLoad(service: 0, load: 50), now: 0)
        _ = submit(&p, pod(7, .bestEffort))
        _ = submit(&p, pod(8, .bestEffort))
        var before = p
        let up = p.handle(.serviceLoad(service: 0, load: 250), now: 600)
        let why = before.explain(.serviceLoad(service: 0, load: 250), actions: up, now: 600)
        #expect(why.map(\.kind) == [.evict, .startReplica, .evict, .startReplica])
        #expect(why.map(\.gpu) == [2, 2, 1, 1] && why.map(\.pod) == [8, nil, 7, nil] && why.allSatisfy { $0.service == 0 })
        let facts = why.compactMap { x -> TidalScaling? in if case .scaling(let f) = x.reason { f } else { nil } }
        #expect(facts.map(\.wanted) == [3, 3, 3, 3] && facts.map(\.running) == [1, 1, 2, 2])
        #expect(facts.map(\.lentGPUs) == [2, 1, 1, 0] && facts.allSatisfy(\.reclaimed))
        #expect(text(why.first) == "tidal reclaim: service s0 needs ceil(250 req/s / 100 req/s per replica × headroom 1.00) "
                + "= 3 replicas, runs 1; no GPU is free, so GPU 2, the most recently lent of 2 lent GPUs, is taken back from its BE pod")
        before = p
        let down = p.handle(.serviceLoad(service: 0, load: 50), now: 1200)
        let whyDown = before.explain(.serviceLoad(service: 0, load: 50), actions: down, now: 1200)
        #expect(whyDown.map(\.kind) == [.stopReplica, .stopReplica, .bind, .bind])
        #expect(whyDown.map(\.pod) == [nil, nil, 7, 8] && whyDown.map(\.gpu) == [1, 2, 1, 2])
        #expect(whyDown[2].reason == .placement(pod: pod(7, .bestEffort), rule: .tidalLend, choice: .lowestEmpty(empty: 2)))
        #expect(text(whyDown[0]) == "service s0 needs ceil(50 req/s / 100 req/s per replica × headroom 1.00) = 1 replica, "
                + "runs 3; the newest replica stops and GPU 1 is freed for waiting BE pods")
    }

    /// A researcher's policy that does not explain itself still gets every action listed.
    struct QuietPolicy: ColocationPolicy {
        var inner = SharedPolicy(config: ColocationConfig(gpuCount: 1))
        var kind: ColocationPolicyKind { .shared }
        var occupancy: ColocationOccupancy { inner.occupancy }
        mutating func handle(_ event: ColocationEvent, now: Double) -> [ColocationAction] { inner.handle(event, now: now) }
    }

    @Test func aPolicyWithoutReasonsIsNamedAsTheReason() {
        var p = QuietPolicy()
        let r = submit(&p, pod(3, .bestEffort))
        #expect(r.why == [ColocationExplanation(time: 0, kind: .bind, pod: 3, gpu: 0, reason: .policy(.shared))])
        #expect(text(r.why.first) == "decided by policy shared (it gives no reasons of its own)")
    }
}

/// Explained cluster runs: what the simulator keeps, what it adds, and that nothing else changes.
struct ClusterExplainTests {
    @Test func tidalEvictionNamesTheServiceAndTheLostWork() {
        // As ClusterSimulationTests.tidalEvictionLosesWorkSinceCheckpoint (scaling every 500 s): the
        // job is evicted at t = 500 s with 500 s of progress and a checkpoint at 300 s → 200 s lost.
        let rate = TimeSeries(times: [0, 1000], values: [100, 3000], end: 20_000) ?? TimeSeries(start: 0, step: 1, values: [0])
        let svc = ClusterServiceConfig(name: "svc", replicas: 1, load: .arrivals(.rateCurve(rate)), p99Target: 0.05,
                                       tidal: TidalService(capacityPerReplica: 2000, headroom: 1))
        let t = TrainingJobSpec(name: "t", iterations: 10_000, iterationWork: 1, iterationCV: 0, checkpointEvery: 300,
                                checkpointSeconds: 0, restartSeconds: 100)
        var cfg = ClusterSimulationConfig(nodes: 1, gpusPerNode: 2, policy: .tidal, services: [svc],
                                          jobs: [ClusterJobConfig(kind: .training(t))], duration: 1500, step: 10,
                                          scaleInterval: 500, replicaStartup: 0)
        let plain = ClusterSimulation.run(cfg)
        cfg.explain = 10
        let r = ClusterSimulation.run(cfg)
        #expect(r.digest == plain.digest && plain.decisions.isEmpty && plain.decisionCounts.isEmpty)
        let evictions = r.decisions.filter { $0.kind == .evict }
        #expect(evictions.count == r.reclaims && r.reclaims == 1 && r.decisionCounts[.evict] == 1)
        let e = evictions.first
        #expect(e?.time == 500 && e?.pod == "t" && e?.podIsReplica == false && e?.service == "svc" && e?.gpu == 1)
        #expect(e?.reason == "tidal reclaim: service svc needs ceil(3000 req/s / 2000 req/s per replica × headroom 1.00) = 2 "
                + "replicas, runs 1; no GPU is free, so GPU 1, the most recently lent of 1 lent GPUs, is taken back from its "
                + "BE pod; job t loses 200 s of GPU work since its checkpoint at 00:05:00 (progress 500 of 10000 s), restart cost 100 s")
        #expect(r.jobs[0].lostWork == 200)
        // In time order: the first replica on the free GPU 0, the lend, then the reclaim and its replica.
        #expect(r.decisions.map(\.kind) == [.startReplica, .bind, .evict, .startReplica])
        #expect(r.decisions.map(\.time) == [0, 0, 500, 500])
        #expect(r.decisions.last?.reason.hasSuffix("no GPU is free: GPU 1 is reclaimed from its BE pod") == true)
    }

    @Test func preemptiveRunExplainsOneEpisodeWhilePreemptionLasts() {
        // One GPU: a replica at a constant 20 % duty beside a training job that always wants the GPU.
        // LS demand 0.2, wake-ups λ(1 − 0.2) with λ = 0.2 / L(1) = 0.2 / 2.96 ms → 54.05/s; BE gets
        // 0.8 minus 54.05 × 75 µs. The preemption never stops, so it is one episode, at t = 0.
        let svc = ClusterServiceConfig(name: "svc", replicas: 1,
                                       load: .utilizationProfiles([TimeSeries(start: 0, step: 60, values: [0.2])]),
                                       p99Target: 0.05)
        let t = TrainingJobSpec(name: "train", iterations: 1_000_000, iterationWork: 1, iterationCV: 0)
        var cfg = ClusterSimulationConfig(nodes: 1, gpusPerNode: 1, policy: .preemptive, services: [svc],
                                          jobs: [ClusterJobConfig(kind: .training(t))], duration: 600, step: 10)
        let plain = ClusterSimulation.run(cfg)
        cfg.explain = 5
        let r = ClusterSimulation.run(cfg)
        #expect(r.digest == plain.digest && r.preemptions == plain.preemptions)
        #expect(r.decisionCounts == [.bind: 2, .preempt: 1])
        let pre = r.decisions.first { $0.kind == .preempt }
        #expect(pre?.time == 0 && pre?.pod == "train" && pre?.gpu == 0)
        let lambda = 0.2 / 2.96e-3
        let lost = lambda * 0.8 * 75e-6
        #expect(abs(r.jobs[0].workDone - (0.8 - lost) * 600) < 1e-6)   // the explained throttle is what the job got
        #expect(pre?.reason == "LS pod svc#0 on GPU 0 runs 0.20 of the step and wakes 54.1/s, preempting BE work at once: "
                + "BE pod train throttled from 1.00 to 0.80 of the step; 54.1 preemptions/s cost it 4.05 ms/s of progress, "
                + "LS waits ≤ 0.150 ms")
        let binds = r.decisions.filter { $0.kind == .bind }
        #expect(binds.map(\.pod) == ["svc#0", "train"] && binds.map(\.podIsReplica) == [true, false])
        // Only the kinds asked for, at most N of each.
        cfg.explain = 1
        cfg.explainKinds = [.bind]
        let one = ClusterSimulation.run(cfg)
        #expect(one.decisions.map(\.pod) == ["svc#0"] && one.decisionCounts == [.bind: 2] && one.digest == plain.digest)
    }
}
