import Testing
@testable import Regression

@Suite struct ToleranceTests {
    @Test func relativeBoundIsRelativeToTheGoldenValue() {
        let t = Tolerance(relative: 0.01, absolute: 0)
        #expect(t.allows(golden: 200, now: 202))      // |Δ| = 2 = 1% of 200
        #expect(!t.allows(golden: 200, now: 202.01))
        #expect(t.allows(golden: -200, now: -198))
        #expect(!t.allows(golden: 0, now: 1e-300))     // relative to 0 allows nothing
    }

    @Test func absoluteBoundCoversValuesNearZero() {
        let t = Tolerance(relative: 0.01, absolute: 0.5)
        #expect(t.allows(golden: 0, now: 0.5))
        #expect(!t.allows(golden: 0, now: 0.5000001))
        #expect(t.allows(golden: 100, now: 100.9))    // max(0.5, 1.0) = 1.0
        #expect(!t.allows(golden: 100, now: 101.1))
    }

    @Test func nanOnlyMatchesNaN() {
        #expect(Tolerance.standard.allows(golden: .nan, now: .nan))
        #expect(!Tolerance.standard.allows(golden: .nan, now: 1))
        #expect(!Tolerance(relative: 1e9, absolute: 1e9).allows(golden: 1, now: .nan))
    }

    @Test func globMatching() {
        #expect(Glob.matches("*", "scenario/x/gpus.0.utilization"))
        #expect(Glob.matches("scenario/*/gpus.*.utilization", "scenario/v100-a/gpus.0.utilization"))
        #expect(!Glob.matches("scenario/*/gpus.*.utilization", "scenario/v100-a/gpus.0.sm_utilization"))
        #expect(Glob.matches("*.p99_?s", "calibration/h200/solo.p99_us"))
        #expect(!Glob.matches("*.p99_?s", "calibration/h200/solo.p99_us.x"))
        #expect(Glob.matches("a*b*c", "aXXbYYc"))
        #expect(!Glob.matches("a*b*c", "aXXcYYb"))
        #expect(Glob.matches("", ""))
        #expect(!Glob.matches("", "a"))
    }
}
