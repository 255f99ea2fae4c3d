import Testing
@testable import Workload

/// The archetypes against their definitions in DESIGN §8, over one day at 60 s steps, 5 seeds.
@Suite struct ArchetypeTests {
    private let seeds: [UInt64] = [1, 2, 3, 42, 1234]

    private func day(_ name: String, seed: UInt64) throws -> TimeSeries {
        try #require(UtilizationArchetype(name: name)).generate(seed: seed, duration: 86_400, step: 60)
    }

    /// Mean over the hours [from, to) of the day.
    private func hours(_ s: TimeSeries, _ from: Double, _ to: Double) -> Double {
        s.integral(from: from * 3600, to: to * 3600) / ((to - from) * 3600)
    }

    /// Start times of the runs where the series is at or above `level`.
    private func onsets(_ s: TimeSeries, above level: Double) -> [Double] {
        var out: [Double] = []
        for i in s.values.indices where s.values[i] >= level && (i == 0 || s.values[i - 1] < level) {
            out.append(s.times[i])
        }
        return out
    }

    @Test func lowAveragePeaksAtAboutTenPercent() throws {
        for seed in seeds {
            let s = try day("low-average", seed: seed)
            #expect(s.count == 1440)
            #expect(s.maximum <= 0.10)
            #expect(s.maximum >= 0.08)
            #expect(s.timeWeightedMean < 0.06)
            #expect(s.timeWeightedMean > 0.02)
        }
    }

    @Test func peakValleyHasDayPeakNightTroughAndMeanTwentyPercent() throws {
        for seed in seeds {
            let s = try day("peak-valley", seed: seed)
            #expect(abs(s.timeWeightedMean - 0.20) < 0.01)
            #expect(hours(s, 12, 16) > 0.30)  // around the 14:00 peak: 0.20 + 0.15·cos(≤30°) ≥ 0.33
            #expect(hours(s, 0, 4) < 0.10)    // around the 02:00 trough: ≤ 0.20 − 0.15·cos(30°) = 0.07
        }
    }

    @Test func shortSpikeReachesEightyPercentBrieflyWithMeanAboveThirty() throws {
        for seed in seeds {
            let s = try day("short-spike", seed: seed)
            #expect(s.maximum <= 0.80)
            #expect(s.maximum >= 0.75)
            #expect(s.timeWeightedMean > 0.30)
            let high = Double(s.values.filter { $0 >= 0.5 }.count) / Double(s.count)
            #expect(high > 0.02 && high < 0.30)  // spikes, not a plateau
            #expect(onsets(s, above: 0.5).count > 40)  // ≈ 4 per hour
        }
    }

    @Test func periodicRunsABatchEveryFifteenMinutes() throws {
        for seed in seeds {
            let s = try day("periodic", seed: seed)
            let starts = onsets(s, above: 0.3)
            #expect(abs(starts.count - 96) <= 2)
            let gaps = zip(starts.dropFirst(), starts).map { $0 - $1 }.sorted()
            #expect(abs(gaps[gaps.count / 2] - 900) <= 60)
        }
    }

    @Test func deterministicPerSeedAndDifferentAcrossSeeds() throws {
        for name in UtilizationArchetype.names {
            #expect(try day(name, seed: 7) == day(name, seed: 7))
            #expect(try day(name, seed: 7) != day(name, seed: 8))
        }
        #expect(UtilizationArchetype(name: "bursty") == nil)
    }
}
