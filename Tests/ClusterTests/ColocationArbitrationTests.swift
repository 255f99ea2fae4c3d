import ColoModel
import Scheduling
import Testing

/// Per-GPU sharing rules against hand-computed values.
struct ColocationArbitrationTests {
    let config = ColocationConfig(gpuCount: 1)

    @Test func waterFillMatchesHandComputedMaxMin() {
        // 0.2 is satisfied; the remaining 0.8 splits 1:2 between the two that want more.
        let s = ColocationArbitration.waterFill(demands: [0.2, 0.9, 0.9], weights: [1, 1, 2], capacity: 1)
        #expect(abs(s[0] - 0.2) < 1e-12)
        #expect(abs(s[1] - 0.8 / 3) < 1e-12)
        #expect(abs(s[2] - 1.6 / 3) < 1e-12)
        // Under capacity everyone gets its demand.
        #expect(ColocationArbitration.waterFill(demands: [0.1, 0.3], weights: [5, 1], capacity: 1) == [0.1, 0.3])
    }

    @Test func spatialSharingUnionAndCacheTerm() {
        let d = [GPUPodDemand(pod: 0, priorityClass: .latencySensitive, demand: 0.2, smFraction: 1.0 / 32, quota: 0.5),
                 GPUPodDemand(pod: 1, priorityClass: .latencySensitive, demand: 0.2, smFraction: 1.0 / 32, quota: 0.5)]
        var mps = config
        mps.mps = true
        let g = ColocationArbitration.spatial(gpu: 0, demands: d, config: mps)
        #expect(abs(g.dutyCycle - (1 - 0.8 * 0.8)) < 1e-12)          // MPS: independent busy periods
        #expect(abs(g.smTime - 0.4 / 32) < 1e-12)
        #expect(abs(g.grants[0].slowdown - (1 + 0.15 * 0.3 * 0.3 * 0.2)) < 1e-12)  // DESIGN §4 cache term
        // Without MPS the contexts time-slice: busy times add up, and a request may wait out the
        // other context's 2 ms timeslice plus a 25 µs switch.
        let ts = ColocationArbitration.spatial(gpu: 0, demands: d, config: config)
        #expect(abs(ts.dutyCycle - 0.4) < 1e-12)
        #expect(abs(ts.grants[0].waitProbability - 0.2) < 1e-12 && abs(ts.grants[0].maxWait - 0.002025) < 1e-12)
        #expect(ts.grants[0].slowdown == 1)
        // Two saturated contexts split the GPU (less the switches) evenly.
        let hot = d.map { GPUPodDemand(pod: $0.pod, priorityClass: .latencySensitive, demand: 1, smFraction: 1.0 / 32, quota: 0.5) }
        let split = ColocationArbitration.spatial(gpu: 0, demands: hot, config: config)
        #expect(abs(split.grants[0].duty - (1 - 2 * 25e-6 / 0.002) / 2) < 1e-12)
        #expect(abs(split.grants[0].availability - split.grants[0].duty) < 1e-12)
        // An SM-hungry BE pod is held to its quota while shared; alone it is not.
        let be = GPUPodDemand(pod: 2, priorityClass: .bestEffort, demand: 1, smFraction: 1, quota: 0.25)
        #expect(ColocationArbitration.spatial(gpu: 0, demands: [d[0], be], config: config).grants[1].duty == 0.25)
        #expect(ColocationArbitration.spatial(gpu: 0, demands: [be], config: config).grants[0].duty == 1)
    }

    @Test func priorityGivesBEWhatLSLeavesAndCountsPreemptions() {
        let ls = GPUPodDemand(pod: 0, priorityClass: .latencySensitive, demand: 0.2, activationsPerSecond: 50)
        let be = GPUPodDemand(pod: 1, priorityClass: .bestEffort, demand: 1)
        let g = ColocationArbitration.priority(gpu: 0, demands: [ls, be], config: config)
        #expect(g.grants[0].duty == 0.2 && g.grants[0].availability == 1)
        // BE fills the 0.8 LS leaves, so every LS wake-up (50/s) preempts it.
        #expect(abs(g.grants[1].preemptionsPerSecond - 50) < 1e-9)
        #expect(abs(g.grants[1].lostWorkPerSecond - 50 * 75e-6) < 1e-12)
        #expect(abs(g.grants[1].duty - (0.8 - 50 * 75e-6)) < 1e-12)
        #expect(abs(g.grants[0].waitProbability - 0.8) < 1e-12)
        // No BE work, no preemption.
        let alone = ColocationArbitration.priority(gpu: 0, demands: [ls], config: config)
        #expect(alone.grants[0].waitProbability == 0)
    }

    @Test func weightedSlicesShareAndWait() {
        let ls = GPUPodDemand(pod: 0, priorityClass: .latencySensitive, demand: 0.3, weight: 3)
        let be = GPUPodDemand(pod: 1, priorityClass: .bestEffort, demand: 1, weight: 1)
        let g = ColocationArbitration.slices(gpu: 0, demands: [ls, be], config: config)
        let capacity = 1 - 2 * 25e-6 / 0.040
        #expect(abs(g.grants[0].duty - 0.3) < 1e-12)
        #expect(abs(g.grants[1].duty - (capacity - 0.3)) < 1e-12)
        // An LS request may find BE's 1/4 slice of the 40 ms period running.
        #expect(abs(g.grants[0].maxWait - (0.010 + 25e-6)) < 1e-12)
        #expect(abs(g.grants[0].waitProbability - (capacity - 0.3)) < 1e-12)
        // LS may use up to everything BE cannot claim beyond its weight: capacity − 1/4·capacity.
        #expect(abs(g.grants[0].availability - capacity * 0.75) < 1e-12)
        // Both saturated: shares follow weights 3:1.
        let both = ColocationArbitration.slices(gpu: 0, demands: [GPUPodDemand(pod: 0, priorityClass: .latencySensitive, demand: 1, weight: 3), be], config: config)
        #expect(abs(both.grants[0].duty / both.grants[1].duty - 3) < 1e-9)
    }
}
