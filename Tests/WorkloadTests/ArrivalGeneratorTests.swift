import Testing
@testable import Workload

@Suite struct ArrivalGeneratorTests {
    @Test func poissonCountAndGapsMatchTheRate() {
        // 100 req/s for 1000 s: N ~ Poisson(1e5), sd 316; within 5 sd. Mean gap 0.01 s.
        let times = Array(ArrivalGenerator(.poisson(rate: 100), horizon: 1000, seed: 42))
        let n: Double = Double(times.count)
        #expect(abs(n - 100_000) < 1581.5)
        #expect(zip(times.dropFirst(), times).allSatisfy { $0 >= $1 })
        #expect(times.last ?? 1000 < 1000)
        #expect(times == Array(ArrivalGenerator(.poisson(rate: 100), horizon: 1000, seed: 42)))
        #expect(times != Array(ArrivalGenerator(.poisson(rate: 100), horizon: 1000, seed: 43)))
    }

    @Test func diurnalFollowsItsCurve() {
        // mean 5 req/s, peak/trough 4 (a = 0.6), peak at 14:00. Expected counts by integrating λ.
        let d = DiurnalRate(mean: 5, peakToTrough: 4, peakHour: 14)
        let times = Array(ArrivalGenerator(.diurnal(d), horizon: 86_400, seed: 1))
        let total: Double = 5 * 86_400
        let n: Double = Double(times.count)
        #expect(abs(n - total) < 5 * total.squareRoot())
        func expected(_ h0: Double, _ h1: Double) -> Double {  // ∫ λ dt over hours [h0, h1), midpoint rule
            var sum = 0.0
            for t in stride(from: h0 * 3600, to: h1 * 3600, by: 1) { sum += d.rate(at: t + 0.5) }
            return sum
        }
        func count(_ h0: Double, _ h1: Double) -> Double {
            Double(times.filter { $0 >= h0 * 3600 && $0 < h1 * 3600 }.count)
        }
        let peakExpected = expected(13, 15)
        let troughExpected = expected(1, 3)
        #expect(abs(count(13, 15) - peakExpected) < 5 * peakExpected.squareRoot())
        #expect(abs(count(1, 3) - troughExpected) < 5 * troughExpected.squareRoot())
        #expect(abs(d.peak - 8) < 1e-12)
    }

    @Test func rateCurveCountsPerSegment() throws {
        let curve = try #require(TimeSeries(times: [0, 100, 200], values: [50, 0, 200], end: 300))
        let times = Array(ArrivalGenerator(.rateCurve(curve), horizon: 300, seed: 9))
        let c0: Double = Double(times.filter { $0 < 100 }.count)
        let c1: Int = times.filter { $0 >= 100 && $0 < 200 }.count
        let c2: Double = Double(times.filter { $0 >= 200 }.count)
        #expect(abs(c0 - 5000) < 354)      // 5 sd of Poisson(5000)
        #expect(c1 == 0)
        #expect(abs(c2 - 20_000) < 708)    // 5 sd of Poisson(20000)
    }

    @Test func serveGenWindowsHitTheirRatesWithShapedGaps() {
        // A Weibull window with shape 0.5 has CV √5 ≈ 2.24 (bursty); a Gamma window with shape 4 has CV 0.5.
        let windows = [ServeGenWindow(start: 0, rate: 20, cv: 2.24, distribution: .weibull(shape: 0.5, scale: 1)),
                       ServeGenWindow(start: 600, rate: 0, cv: 0, distribution: nil),
                       ServeGenWindow(start: 1200, rate: 20, cv: 0.5, distribution: .gamma(shape: 4, scale: 3))]
        var seedCounts: [Int] = []
        for seed in UInt64(1)...UInt64(20) {
            let t = Array(ArrivalGenerator(.serveGen(windows), horizon: 1800, seed: seed))
            #expect(t.filter { $0 >= 600 && $0 < 1200 }.isEmpty)
            seedCounts.append(t.filter { $0 >= 1200 }.count)
            if seed == 1 {
                func cv(_ xs: [Double]) -> Double {
                    let g = zip(xs.dropFirst(), xs).map { $0 - $1 }
                    let m = g.reduce(0, +) / Double(g.count)
                    return (g.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(g.count)).squareRoot() / m
                }
                let cvWeibull: Double = cv(t.filter { $0 < 600 })
                let cvGamma: Double = cv(t.filter { $0 >= 1200 })
                #expect(abs(cvWeibull - 2.236) < 0.5)
                #expect(abs(cvGamma - 0.5) < 0.05)
            }
        }
        // Gamma(4) gaps rescaled to mean 1/20 s: about 12,000 arrivals per 600 s window.
        let mean: Double = Double(seedCounts.reduce(0, +)) / Double(seedCounts.count)
        #expect(abs(mean - 12_000) < 30)
    }

    @Test func replayKeepsTheTraceWithinTheHorizon() {
        let times = Array(ArrivalGenerator(.replay([0, 1.5, 1.5, 9, 12]), horizon: 10, seed: 0))
        #expect(times == [0, 1.5, 1.5, 9])
    }

    @Test func weibullAndGammaMeans() {
        #expect(abs(InterArrivalDistribution.gamma(shape: 2, scale: 3).mean - 6) < 1e-12)
        // Γ(1 + 1/0.5) = Γ(3) = 2.
        #expect(abs(InterArrivalDistribution.weibull(shape: 0.5, scale: 1.5).mean - 3) < 1e-12)
    }
}
