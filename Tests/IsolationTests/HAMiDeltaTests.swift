import Testing
@testable import Isolation

/// Oracle: `delta()` of HAMi-core `multiprocess_utilization_watcher.c` evaluated by hand in C integer
/// arithmetic (truncating division) for a V100 (80 SMs, 2048 threads/SM) and an H200 (132 SMs).
@Suite struct HAMiDeltaTests {
    let v100 = UserModeParameters(smCount: 80, maxThreadsPerSM: 2048)
    let h200 = UserModeParameters(smCount: 132, maxThreadsPerSM: 2048)

    @Test func poolSizeIsSMsTimesThreadsTimes32() {
        #expect(v100.poolSize == 5_242_880)   // 80 · 2048 · 32
        #expect(h200.poolSize == 8_650_752)   // 132 · 2048 · 32
    }

    @Test func incrementMatchesHandComputedValues() {
        // limit 10, util 0: diff 10 > 10/2 → 80²·2048·10/2560 = 51 200, then ·10·2/11 = 93 090
        #expect(HAMiDelta.increment(limit: 10, utilization: 0, parameters: v100) == 93_090)
        // limit 90, util 95: diff 5, not > 45 → 80²·2048·5/2560 = 25 600
        #expect(HAMiDelta.increment(limit: 90, utilization: 95, parameters: v100) == 25_600)
        // |limit − util| < 5 is floored to 5
        #expect(HAMiDelta.increment(limit: 50, utilization: 50, parameters: v100) == 25_600)
        #expect(HAMiDelta.increment(limit: 10, utilization: 8, parameters: v100) == 25_600)
        // limit 10, util 100: 460 800 · 90 · 2 / 11 = 7 540 363 (more than the whole pool)
        #expect(HAMiDelta.increment(limit: 10, utilization: 100, parameters: v100) == 7_540_363)
        // limit 90, util 0: 460 800 · 90 · 2 / 91 = 911 472
        #expect(HAMiDelta.increment(limit: 90, utilization: 0, parameters: v100) == 911_472)
        // H200, limit 50, util 99: 132²·2048·49/2560 = 683 020, then ·49·2/51 = 1 312 469
        #expect(HAMiDelta.increment(limit: 50, utilization: 99, parameters: h200) == 1_312_469)
        var linear = h200
        linear.stepScaling = .linear
        // PR #317 scaling: 132·2048·49/2560 = 5174, ·49·2/51 = 9942
        #expect(HAMiDelta.increment(limit: 50, utilization: 99, parameters: linear) == 9_942)
    }

    @Test func shareMovesUpWhenUnderAndDownWhenOverWithClamps() {
        let pool = v100.poolSize
        #expect(HAMiDelta.share(limit: 10, utilization: 0, share: 0, pool: pool, parameters: v100) == 93_090)
        #expect(HAMiDelta.share(limit: 90, utilization: 95, share: 100_000, pool: pool, parameters: v100) == 74_400)
        // clamped at 0 and at the pool
        #expect(HAMiDelta.share(limit: 10, utilization: 100, share: 1_000_000, pool: pool, parameters: v100) == 0)
        #expect(HAMiDelta.share(limit: 90, utilization: 0, share: pool - 10, pool: pool, parameters: v100) == pool)
        // util == limit counts as under (C: user_current <= up_limit)
        #expect(HAMiDelta.share(limit: 50, utilization: 50, share: 0, pool: pool, parameters: v100) == 25_600)
    }
}
