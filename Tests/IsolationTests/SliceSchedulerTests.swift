import Testing
@testable import Isolation

@Suite struct SliceSchedulerTests {
    let ms: Int64 = 1_000_000
    let p = KernelModeParameters()

    @Test func smoothWeightedRoundRobinGivesExactCountsPerCycle() {
        var rr = SmoothWeightedRoundRobin()
        let cands: [(key: Int, weight: Int64)] = [(0, 5), (1, 1), (2, 1)]
        var seq: [Int] = []
        for _ in 0..<14 { seq.append(rr.pick(among: cands)!) }
        // nginx's documented sequence for weights {a:5, b:1, c:1}: a a b a c a a, repeated.
        #expect(seq == [0, 0, 1, 0, 2, 0, 0, 0, 0, 1, 0, 2, 0, 0])
        #expect(rr.credits.values.allSatisfy { $0 == 0 })
    }

    /// Oracle: a fixed policy gives exactly w/ΣW of the slices of each period.
    @Test(arguments: [[Int64(1), 1], [3, 1, 1], [1, 4], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]])
    func fixedGivesExactlyWeightShareOfSlicesPerPeriod(weights: [Int64]) {
        var d = SliceSchedulerDriver(SliceScheduler(policy: .fixed, parameters: p, weights: weights))
        for c in weights.indices { d.send(.attach(c)) }
        let total = weights.reduce(0, +)
        for period in 1...5 {
            d.advance(to: Int64(period) * p.periodNs - 1)
            for (c, w) in weights.enumerated() {
                #expect(d.scheduler.slicesGranted[c] == period * p.unitsPerPeriod * Int(w) / Int(total))
            }
        }
        #expect(d.violations.isEmpty)
    }

    @Test func fixedWithCapacityLeavesUnallocatedSlicesIdle() {
        var d = SliceSchedulerDriver(SliceScheduler(policy: .fixed, parameters: p, weights: [1, 1], capacityWeight: 4))
        d.send(.attach(0)); d.send(.attach(1))
        d.send(.busy(0)); d.send(.busy(1))
        d.advance(to: 10 * p.periodNs - 1)
        #expect(d.scheduler.slicesGranted == [50, 50])
        #expect(d.scheduler.unallocatedSlices == 100)
    }

    /// Fixed: an idle container keeps its share: the busy one gets only w/ΣW of the time.
    @Test func fixedLeavesAnIdleContainersShareUnused() {
        var d = SliceSchedulerDriver(SliceScheduler(policy: .fixed, parameters: p, weights: [1, 1]))
        d.send(.attach(0)); d.send(.attach(1))
        d.send(.busy(0))
        d.advance(to: 1_000 * ms)
        let share = Double(d.ran[0]) / Double(1_000 * ms)
        #expect(share > 0.48 && share <= 0.5)
        #expect(d.ran[1] == 0)
    }

    /// Burst: an idle container's share goes to the busy one, and comes back within 100 ms of demand.
    @Test func burstGivesIdleShareAwayAndReturnsItWithin100ms() {
        var d = SliceSchedulerDriver(SliceScheduler(policy: .burst, parameters: p, weights: [1, 1]))
        d.send(.attach(0)); d.send(.attach(1))
        d.send(.busy(0))
        d.advance(to: 1_000 * ms)
        #expect(d.ran[0] == 1_000 * ms)   // the whole GPU
        d.send(.busy(1))
        let demandAt = d.now
        d.advance(to: 1_100 * ms)
        let firstGrant = d.grants.first { $0.owner == 1 }
        #expect(firstGrant != nil)
        if let g = firstGrant { #expect(g.at - demandAt <= 100 * ms) ; #expect(g.at - demandAt <= p.unitNs + p.switchCostNs) }
        d.resetCounters()
        d.advance(to: 2_100 * ms)
        let s1 = Double(d.ran[1]) / Double(1_000 * ms)
        #expect(abs(s1 - 0.5) < 0.01)
        #expect(d.violations.isEmpty)
    }

    @Test func burstReclaimDelayIsHonoured() {
        var q = p
        q.reclaimDelayNs = 30 * ms
        var d = SliceSchedulerDriver(SliceScheduler(policy: .burst, parameters: q, weights: [1, 1]))
        d.send(.busy(0))
        d.advance(to: 500 * ms)
        d.send(.busy(1))
        d.advance(to: 700 * ms)
        let g = d.grants.first { $0.owner == 1 }
        #expect(g != nil)
        if let g { #expect(g.at >= 530 * ms && g.at <= 530 * ms + q.unitNs + q.switchCostNs) }
    }

    @Test func weightPreemptiveSharesAmongAttachedOnly() {
        var d = SliceSchedulerDriver(SliceScheduler(policy: .weightPreemptive, parameters: p, weights: [1, 1, 2]))
        d.send(.attach(0)); d.send(.attach(1))
        d.send(.busy(0)); d.send(.busy(1))
        d.advance(to: 1_000 * ms)
        // Container 2 not attached: 0 and 1 split by weight 1:1.
        #expect(d.scheduler.slicesGranted[0] == d.scheduler.slicesGranted[1])
        d.send(.attach(2))   // attached but idle: holds its half
        d.resetCounters()
        d.advance(to: 2_000 * ms)
        #expect(d.ran[2] == 0)
        #expect(abs(Double(d.held[2]) / Double(1_000 * ms) - 0.5) < 0.01)
        #expect(abs(Double(d.ran[0]) / Double(1_000 * ms) - 0.25) < 0.01)
        #expect(d.violations.isEmpty)
    }

    @Test func onlinePreemptsOfflineAtOnce() {
        var d = SliceSchedulerDriver(SliceScheduler(policy: .onlinePreemptsOffline, parameters: p,
                                                    weights: [1, 1], online: [true, false]))
        d.send(.attach(0)); d.send(.attach(1))
        d.send(.busy(1))
        d.advance(to: 100 * ms + 300_000)   // mid-slice
        d.send(.busy(0))
        let g = d.grants.last!
        #expect(g.owner == 0 && g.preempting)
        #expect(g.at == 100 * ms + 300_000 + p.switchCostNs + p.preemptionLatencyNs)
        d.resetCounters()
        d.advance(to: 500 * ms)
        #expect(d.ran[1] == 0)   // offline starves while online is busy
        d.send(.idle(0))
        #expect(d.grants.last!.owner == 1)
        #expect(d.violations.isEmpty)
    }

    @Test func idleOwnerHandsOverAtOnceUnderBurst() {
        var d = SliceSchedulerDriver(SliceScheduler(policy: .burst, parameters: p, weights: [1, 1]))
        d.send(.busy(0)); d.send(.busy(1))
        d.advance(to: 500_000)
        let o = d.scheduler.owner!
        d.send(.idle(o))
        #expect(d.scheduler.owner == 1 - o)
        d.send(.idle(1 - o))
        #expect(d.scheduler.owner == nil)
        #expect(d.grants.last!.owner == nil)
    }

    /// Invariants after every event of a pseudo-random busy/idle sequence, for every policy.
    @Test(arguments: KernelModePolicy.allCases)
    func invariantsHoldAfterEveryEvent(policy: KernelModePolicy) {
        var d = SliceSchedulerDriver(SliceScheduler(policy: policy, parameters: p, weights: [3, 1, 2, 1],
                                                    online: [true, false, false, true], capacityWeight: 10))
        var x: UInt64 = 99
        func next() -> UInt64 { x = x &* 6364136223846793005 &+ 1442695040888963407; return x >> 33 }
        for c in 0..<4 { d.send(.attach(c)) }
        for _ in 0..<3_000 {
            d.advance(to: d.now + Int64(next() % 3_000_000))
            let c = Int(next() % 4)
            d.send(next() % 2 == 0 ? .busy(c) : .idle(c))
        }
        #expect(d.violations.isEmpty, "\(d.violations.prefix(3))")
        // Shares never sum above 1: total held time ≤ elapsed.
        #expect(d.held.reduce(0, +) <= d.now)
    }
}
