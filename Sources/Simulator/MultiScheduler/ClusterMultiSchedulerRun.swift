import ColoModel
import Scheduling
import SimEngine
import Workload

/// Drives ``Scheduling/MultiScheduler`` with Poisson pod arrivals, exponential lifetimes, per-scheduler
/// cycle times, bind latencies and periodic view resyncs on the SimEngine kernel.
public enum ClusterMultiSchedulerRun {
    enum Event {
        case arrive(podClass: Int)
        case machine(MultiSchedulerEvent)
    }

    /// Runs `config`.
    public static func run(_ config: ClusterMultiSchedulerConfig) -> ClusterMultiSchedulerResult {
        let cluster = ClusterState(nodes: config.nodes)
        // Typical pods weighted by how many of each class the run expects (FGD's popularity).
        let typical = TypicalPods.build(from: config.podClasses.flatMap {
            Array(repeating: $0.request, count: max(1, min(100_000, Int(($0.rate * config.duration).rounded()))))
        })
        var ms = MultiScheduler(cluster: cluster, schedulers: config.schedulers.map {
            ($0.name, $0.policy.policy(cluster: cluster, typicalPods: typical))
        })
        var explainer = ClusterMultiSchedulerExplainer(limit: config.explain, kinds: config.explainKinds,
                                                       nodeNames: config.nodes.map(\.name))
        if explainer.isOn { ms.explains = true }
        var sim = Simulation<Double, Event>()
        let arrivals = config.podClasses.indices.map { RandomSource(seed: config.seed, purpose: "multi-scheduler.arrivals.\($0)") }
        let lifetimes = RandomSource(seed: config.seed, purpose: "multi-scheduler.lifetimes")
        let draws = RandomSource(seed: config.seed, purpose: "multi-scheduler.draws")
        for (c, pc) in config.podClasses.enumerated() where pc.rate > 0 {
            sim.schedule(.arrive(podClass: c), at: arrivals[c].exponential(mean: 1 / pc.rate))
        }
        for (m, s) in config.schedulers.enumerated() {
            sim.schedule(.machine(.sync(scheduler: m)), at: s.syncInterval, priority: 1)
        }
        var nextID = 0
        var classOf: [Int: Int] = [:]
        var arrivedAt: [Int: Double] = [:]
        var cycleScheduled = Array(repeating: false, count: config.schedulers.count)
        var arrived = Array(repeating: 0, count: config.schedulers.count)
        var delaySum = Array(repeating: 0.0, count: config.schedulers.count)
        var digest = FNV1a64()
        var usedSeconds = 0.0
        var usedPeak = 0
        var allocSeconds = 0.0
        var fragSeconds = 0.0
        var frag = 0.0
        let fragModel = FragmentationModel(typicalPods: typical, cluster: cluster)
        var lastT = 0.0
        var used = 0
        var alloc = 0.0
        let gpuCount = cluster.gpuCount

        func measure(_ state: ClusterState) -> (Int, Double) {
            var u = 0
            var a = 0.0
            for n in state.nodes {
                for left in n.gpuMilliLeft where left < GPUShare.milliPerGPU {
                    u += 1
                    a += Double(GPUShare.milliPerGPU - left) / Double(GPUShare.milliPerGPU)
                }
            }
            return (u, a)
        }

        func ensureCycle(_ m: Int, at t: Double, _ sim: inout Simulation<Double, Event>) {
            if !cycleScheduled[m] && !ms.members[m].queue.isEmpty {
                cycleScheduled[m] = true
                sim.schedule(.machine(.cycle(scheduler: m)), at: t + config.schedulers[m].cycle)
            }
        }

        while let e = sim.nextEvent(before: config.duration) {
            let now = e.time
            usedSeconds += Double(used) * (now - lastT)
            allocSeconds += alloc * (now - lastT)
            fragSeconds += frag * (now - lastT)
            lastT = now
            switch e.event {
            case .arrive(let c):
                let pc = config.podClasses[c]
                let id = nextID
                nextID += 1
                classOf[id] = c
                arrivedAt[id] = now
                ms.draws[id] = PlacementDraws(node: draws.uniform(), gpu: draws.uniform())
                let actions = ms.handle(.arrive(pod: id, request: pc.request), now: now)
                if let m = ms.members.firstIndex(where: { $0.name == pc.request.schedulerName }) {
                    arrived[m] += 1
                    ensureCycle(m, at: now, &sim)
                }
                _ = actions
                sim.schedule(.arrive(podClass: c), at: now + arrivals[c].exponential(mean: 1 / pc.rate))
            case .machine(let ev):
                if case .cycle(let m) = ev { cycleScheduled[m] = false }
                if case .sync(let m) = ev {
                    sim.schedule(.machine(.sync(scheduler: m)), at: now + config.schedulers[m].syncInterval, priority: 1)
                }
                let actions = ms.handle(ev, now: now)
                if explainer.isOn {
                    explainer.observe(ev, actions: actions, now: now, machine: ms, config: config, classOf: classOf)
                }
                for a in actions {
                    switch a {
                    case .sendBind(let m, let pod, let p):
                        sim.schedule(.machine(.bindArrives(scheduler: m, pod: pod, placement: p)),
                                     at: now + config.schedulers[m].bindLatency)
                        ensureCycle(m, at: now, &sim)
                    case .bound(let m, let pod, let p):
                        delaySum[m] += now - (arrivedAt[pod] ?? now)
                        digest.combine(Int64(pod))
                        digest.combine(Int64(p.node))
                        digest.combine(p.gpus.mask)
                        let c = classOf[pod] ?? 0
                        sim.schedule(.machine(.depart(pod: pod)),
                                     at: now + lifetimes.exponential(mean: config.podClasses[c].meanLifetime))
                    case .conflict(let m, let pod, _):
                        digest.combine(Int64(-1 - pod))
                        ensureCycle(m, at: now, &sim)
                    case .unschedulable(let m, _):
                        if !cycleScheduled[m] {
                            cycleScheduled[m] = true
                            sim.schedule(.machine(.cycle(scheduler: m)), at: now + config.unschedulableBackoff)
                        }
                    case .unknownScheduler:
                        break
                    }
                }
                if case .cycle(let m) = ev { ensureCycle(m, at: now, &sim) }
                (used, alloc) = measure(ms.truth.state)
                frag = ms.truth.state.nodes.reduce(0.0) { $0 + fragModel.fragmentation(of: $1) }
                usedPeak = max(usedPeak, used)
            }
        }
        usedSeconds += Double(used) * (config.duration - lastT)
        allocSeconds += alloc * (config.duration - lastT)
        fragSeconds += frag * (config.duration - lastT)
        let d = config.duration
        let schedulers = ms.members.enumerated().map { (m, member) in
            ClusterMultiSchedulerResult.Scheduler(
                name: member.name, policy: config.schedulers[m].policy.rawValue, arrived: arrived[m],
                bound: member.bound, conflicts: member.conflicts, unschedulableCycles: member.unschedulable,
                meanBindDelay: member.bound > 0 ? delaySum[m] / Double(member.bound) : 0)
        }
        var result = ClusterMultiSchedulerResult(
            schedulers: schedulers, gpuCount: gpuCount, gpusUsedMean: usedSeconds / d, gpusUsedPeak: usedPeak,
            allocationRatio: allocSeconds / (d * Double(max(1, gpuCount))),
            allocationOnUsed: usedSeconds > 0 ? allocSeconds / usedSeconds : 0,
            pending: ms.members.reduce(0) { $0 + $1.queue.count },
            fragmentationMean: fragSeconds / d / Double(GPUShare.milliPerGPU), digest: digest.hex, duration: d)
        result.decisions = explainer.decisions
        result.decisionCounts = explainer.counts
        return result
    }
}
