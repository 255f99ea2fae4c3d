import Testing
@testable import Workload

/// Known-answer vectors printed by `python3 ../shared/reference/detrng.py`.
@Suite struct SplitMix64Tests {
    @Test func next64MatchesDetrng() {
        var s = SplitMix64(seed: 42, stream: 0)
        #expect([s.next64(), s.next64(), s.next64()] == [0x57e1faba65107204, 0xf4abd143feb24055, 0x7c816738c12903b2])
    }

    @Test func uniformAndExpMatchDetrng() {
        var s = SplitMix64(seed: 42, stream: 0)
        #expect([s.uniform(), s.uniform(), s.uniform()] == [0.34329192209867343, 0.9557467261317436, 0.48634953628166855])
        var e = SplitMix64(seed: 42, stream: 0)
        #expect([e.exp(mean: 1), e.exp(mean: 1), e.exp(mean: 1)] == [0.4205156851126886, 3.117825924541699, 0.6662122765297892])
    }
}

@Suite struct RandomSourceTests {
    @Test func sameSeedAndPurposeReplayAndPurposesAreIndependent() {
        let a = RandomSource(seed: 7, purpose: "arrivals")
        let b = RandomSource(seed: 7, purpose: "arrivals")
        let c = RandomSource(seed: 7, purpose: "service")
        let xa = (0..<5).map { _ in a.uniform() }
        #expect(xa == (0..<5).map { _ in b.uniform() })
        #expect(xa != (0..<5).map { _ in c.uniform() })
    }

    @Test func exponentialMeanIsRight() {
        let r = RandomSource(seed: 1, purpose: "exp")
        let n = 200_000
        var sum = 0.0
        for _ in 0..<n { sum += r.exponential(mean: 2.0) }
        // Standard error of the mean is 2/sqrt(n) ≈ 0.0045; allow 5 standard errors.
        #expect(abs(sum / Double(n) - 2.0) < 0.0225)
    }
}
