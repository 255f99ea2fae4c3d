import ColoModel
import Scheduling
import Testing

/// Placement, queueing and tidal scaling of the co-location policies.
struct ColocationPolicyTests {
    func pod(_ id: Int, _ c: PriorityClass, milli: Int = 500) -> ColocationPod {
        ColocationPod(id: id, priorityClass: c, gpuMilli: milli, memoryMiB: 1024)
    }

    @Test func dedicatedGivesWholeGPUsAndQueues() {
        var p = DedicatedPolicy(config: ColocationConfig(gpuCount: 2))
        #expect(p.handle(.submit(pod(0, .latencySensitive)), now: 0) == [.bind(pod: 0, gpu: 0)])
        #expect(p.handle(.submit(pod(1, .bestEffort)), now: 0) == [.bind(pod: 1, gpu: 1)])
        #expect(p.handle(.submit(pod(2, .bestEffort)), now: 0) == [.queued(pod: 2)])
        #expect(p.handle(.finish(pod: 0), now: 5) == [.bind(pod: 2, gpu: 0)])
        #expect(p.occupancy.usedGPUs == 2)
    }

    @Test func sharedPacksByQuotaBestFit() {
        var p = SharedPolicy(config: ColocationConfig(gpuCount: 4))
        var gpus: [Int] = []
        for i in 0..<4 {
            if case .bind(_, let g)? = p.handle(.submit(pod(i, .latencySensitive)), now: 0).first { gpus.append(g) }
        }
        #expect(gpus == [0, 0, 1, 1])
        if case .bind(_, let g)? = p.handle(.submit(pod(9, .bestEffort, milli: 250)), now: 0).first { #expect(g == 2) }
        if case .bind(_, let g)? = p.handle(.submit(pod(10, .bestEffort, milli: 250)), now: 0).first { #expect(g == 2) }
        #expect(p.occupancy.usedGPUs == 3)
    }

    @Test func preemptivePlacesBEBesideLS() {
        var config = ColocationConfig(gpuCount: 4)
        config.maxBEPerGPU = 1
        var p = PreemptivePolicy(config: config)
        var binds: [Int: Int] = [:]
        for (i, c) in [PriorityClass.latencySensitive, .latencySensitive, .bestEffort, .bestEffort, .bestEffort].enumerated() {
            if case .bind(let id, let g)? = p.handle(.submit(pod(i, c)), now: 0).first { binds[id] = g }
        }
        #expect(binds[0] != binds[1])                      // LS pods never share
        #expect(Set([binds[2], binds[3]]) == Set([binds[0], binds[1]]))  // BE joins the LS GPUs first
        #expect(binds[4] == 2)                              // then an empty GPU
    }

    @Test func tidalReplicaFormula() {
        let s = TidalService(capacityPerReplica: 1000, headroom: 1.2, minReplicas: 2, maxReplicas: 10)
        #expect(s.replicas(for: 5000) == 6)      // ceil(5000/1000 × 1.2)
        #expect(s.replicas(for: 100) == 2)       // min
        #expect(s.replicas(for: 1e9) == 10)      // max
    }

    @Test func tidalLendsReclaimsAndLendsAgain() {
        var p = TidalPolicy(config: ColocationConfig(gpuCount: 3, tidalServices: [TidalService(capacityPerReplica: 100, headroom: 1)]))
        #expect(p.handle(.serviceLoad(service: 0, load: 50), now: 0) == [.startReplica(service: 0, gpu: 0)])
        #expect(p.handle(.submit(pod(7, .bestEffort)), now: 0) == [.bind(pod: 7, gpu: 1)])
        #expect(p.handle(.submit(pod(8, .bestEffort)), now: 0) == [.bind(pod: 8, gpu: 2)])
        // Ramp-up to 3 replicas: the most recently lent GPU (2), then GPU 1, are reclaimed.
        let up = p.handle(.serviceLoad(service: 0, load: 250), now: 600)
        #expect(up == [.evict(pod: 8, gpu: 2), .startReplica(service: 0, gpu: 2),
                       .evict(pod: 7, gpu: 1), .startReplica(service: 0, gpu: 1)])
        #expect(p.queue.pods.map(\.id) == [7, 8])
        // Trough: replicas stop newest first and the queued jobs get their GPUs back.
        let down = p.handle(.serviceLoad(service: 0, load: 50), now: 1200)
        #expect(down == [.stopReplica(service: 0, gpu: 1), .stopReplica(service: 0, gpu: 2),
                         .bind(pod: 7, gpu: 1), .bind(pod: 8, gpu: 2)])
    }
}

/// Occupancy invariants hold through a churn of submissions, finishes and tidal reclaims.
struct ColocationInvariantTests {
    @Test(arguments: ColocationPolicyKind.allCases)
    func occupancyStaysConsistent(_ kind: ColocationPolicyKind) {
        var config = ColocationConfig(gpuCount: 4, gpuMemoryMiB: 8192,
                                      tidalServices: [TidalService(capacityPerReplica: 100, headroom: 1)])
        config.maxBEPerGPU = 2
        var p = kind.make(config)
        var t = 0.0
        for i in 0..<40 {
            t += 1
            let c: PriorityClass = i % 3 == 0 ? .latencySensitive : .bestEffort
            _ = p.handle(.submit(ColocationPod(id: i, priorityClass: c, gpuMilli: 250 + 250 * (i % 3), memoryMiB: 3000)), now: t)
            if i % 4 == 3 { _ = p.handle(.finish(pod: i - 2), now: t) }
            if kind == .tidal { _ = p.handle(.serviceLoad(service: 0, load: Double((i * 37) % 400)), now: t) }
            #expect(p.occupancy.invariantViolations(maxPods: config.maxPodsPerGPU).isEmpty, "\(kind) after event \(i)")
        }
        // A broken occupancy is caught.
        var broken = ColocationOccupancy(count: 1, memoryPerGPU: 100)
        broken.bind(ColocationPod(id: 1, priorityClass: .bestEffort, gpuMilli: 100, memoryMiB: 200), gpu: 0)
        #expect(!broken.invariantViolations(maxPods: 16).isEmpty)
    }
}
