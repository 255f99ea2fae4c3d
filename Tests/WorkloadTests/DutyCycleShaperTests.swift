import Testing
@testable import Workload

@Suite struct DutyCycleShaperTests {
    private func shaper() throws -> DutyCycleShaper {
        DutyCycleShaper(trace: try DutyCycleTrace.read(try .file(samplePath("genai_pod_gpu_duty_cycle_sample.csv"))))
    }

    @Test func profilesHitTheTargetMeanAndKeepTheTraceShape() throws {
        let s = try shaper()
        #expect(s.pods.count == 3)
        for instance in 0..<6 {
            let p = try s.profile(instance: instance, targetMean: 0.20, seed: 42)
            #expect(abs(p.timeWeightedMean - 0.20) < 1e-9)
            #expect(p.count == 1441)
            #expect(p.values.allSatisfy { $0 >= 0 && $0 <= 1 })
            #expect(p.stepLength(0) == 57)
            // Scaling keeps idle samples idle: the zero share equals the source pod's (≈ 67–69%).
            let zeros = Double(p.values.filter { $0 == 0 }.count) / Double(p.count)
            #expect(zeros > 0.6 && zeros < 0.72)
        }
        #expect(try s.profile(instance: 1, targetMean: 0.2, seed: 42) == s.profile(instance: 1, targetMean: 0.2, seed: 42))
    }

    @Test func scaledSolvesTheClippedMean() throws {
        // Values 0, 0.1, 0.5: the mean 0.3 needs k with min(1, 0.1k) + min(1, 0.5k) = 0.9 → k = 3 (0.3 + 0.6 — no clip
        // at k = 1.5: 0.15 + 0.75 = 0.9). k = 1.5 exactly.
        let series = TimeSeries(start: 0, step: 1, values: [0, 0.1, 0.5])
        let scaled = try #require(DutyCycleShaper.scaled(series, toMean: 0.3))
        #expect(abs(scaled.values[1] - 0.15) < 1e-9 && abs(scaled.values[2] - 0.75) < 1e-9)
        // Mean 0.5 needs clipping: min(1, 0.5k) = 1 at k ≥ 2, then 0.1k + 1 = 1.5 → k = 5.
        let clipped = try #require(DutyCycleShaper.scaled(series, toMean: 0.5))
        #expect(abs(clipped.values[1] - 0.5) < 1e-9 && clipped.values[2] == 1)
        // Two thirds is the most it can reach (one sample is zero).
        #expect(DutyCycleShaper.scaled(series, toMean: 0.7) == nil)
    }

    @Test func unreachableTargetIsAnError() throws {
        // Each sample pod is non-zero in only about a third of its samples.
        #expect(throws: TraceError.self) { try shaper().profile(instance: 0, targetMean: 0.6, seed: 1) }
        #expect(throws: TraceError.self) { try shaper().profile(instance: 0, targetMean: 1.5, seed: 1) }
    }
}

@Suite struct TimeSeriesTests {
    @Test func stepSemanticsIntegralAndWrapAround() throws {
        let s = try #require(TimeSeries(times: [10, 20, 40], values: [1, 3, 2], end: 50))
        #expect(s.value(at: 5) == 1 && s.value(at: 19.9) == 1 && s.value(at: 20) == 3 && s.value(at: 45) == 2)
        // ∫ = 1·10 + 3·20 + 2·10 = 90 over 40 s.
        #expect(s.timeWeightedMean == 90.0 / 40)
        #expect(s.integral(from: 15, to: 25) == 1 * 5 + 3 * 5)
        #expect(s.cyclicValue(at: 55) == 1 && s.cyclicValue(at: 85) == 2 && s.cyclicValue(at: 0) == 2)  // 0 ≡ 40 (mod 40 from 10)
        #expect(s.resampled(step: 10).values == [1, 3, 3, 2])
        #expect(TimeSeries(times: [0, 0], values: [1, 2], end: 1) == nil)
        let t = s.tiled(until: 100)  // 3 copies of 40 s from 10 cover [10, 130)
        #expect(t.count == 9 && t.end == 130 && t.timeWeightedMean == s.timeWeightedMean)
        #expect(t.value(at: 95) == s.cyclicValue(at: 95))
    }
}
