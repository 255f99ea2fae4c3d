import Testing
@testable import Regression

@Suite struct ComparisonTests {
    static let golden = GoldenFile(
        reason: "initial", defaultTolerance: Tolerance(relative: 1e-6, absolute: 0),
        overrides: [
            ToleranceRule(match: "*/latency_*", relative: 0.05, absolute: 0),
            ToleranceRule(match: "a/latency_p99", relative: 0.10, absolute: 0),   // later rule wins
        ],
        cases: [
            CaseResult(name: "a", digest: "00000000000000aa",
                       metrics: [Metric("throughput", 100), Metric("latency_p50", 10), Metric("latency_p99", 20)]),
            CaseResult(name: "b", digest: "00000000000000bb", metrics: [Metric("utilization", 0.5)]),
        ])

    func observed(a: [Metric]? = nil, aDigest: String = "00000000000000aa") -> [CaseResult] {
        [CaseResult(name: "a", digest: aDigest,
                    metrics: a ?? [Metric("throughput", 100), Metric("latency_p50", 10), Metric("latency_p99", 20)]),
         CaseResult(name: "b", digest: "00000000000000bb", metrics: [Metric("utilization", 0.5)])]
    }

    func verdict(_ c: Comparison, _ caseName: String, _ metric: String) -> Verdict? {
        c.rows.first { $0.caseName == caseName && $0.metric == metric }?.verdict
    }

    @Test func identicalResultsPass() {
        let c = Comparison(golden: Self.golden, observed: observed(), reportMissingCases: true)
        #expect(!c.failed)
        #expect(c.rows.count == 2 + 4)
        #expect(c.rows.allSatisfy { $0.verdict == .ok })
    }

    @Test func movedMetricRegressesAndNamesTheMetric() {
        let c = Comparison(golden: Self.golden, observed: observed(
            a: [Metric("throughput", 90), Metric("latency_p50", 10), Metric("latency_p99", 20)],
            aDigest: "00000000000000ff"), reportMissingCases: true)
        #expect(c.failed)
        #expect(c.failures.map(\.metric) == ["digest", "throughput"])
        #expect(verdict(c, "a", "digest") == .changed)
        #expect(verdict(c, "a", "throughput") == .regressed)
        let row = c.rows.first { $0.metric == "throughput" }
        #expect(row?.delta == -10)
        #expect(row?.relativeDelta == -0.1)
    }

    @Test func digestChangeWithMetricsInToleranceStillFails() {
        // p50 moves 4% (the override allows 5%), the digest differs.
        let c = Comparison(golden: Self.golden, observed: observed(
            a: [Metric("throughput", 100), Metric("latency_p50", 10.4), Metric("latency_p99", 20)],
            aDigest: "00000000000000ff"), reportMissingCases: true)
        #expect(verdict(c, "a", "latency_p50") == .withinTolerance)
        #expect(verdict(c, "a", "digest") == .digestChanged)
        #expect(c.failed)
    }

    @Test func withinToleranceAndSameDigestPasses() {
        let c = Comparison(golden: Self.golden, observed: observed(
            a: [Metric("throughput", 100), Metric("latency_p50", 10), Metric("latency_p99", 21.9)]),
            reportMissingCases: true)
        #expect(verdict(c, "a", "latency_p99") == .withinTolerance)   // 9.5% under the 10% rule
        #expect(!c.failed)
    }

    @Test func lastMatchingOverrideWins() {
        #expect(Self.golden.tolerance(case: "a", metric: "latency_p99").relative == 0.10)
        #expect(Self.golden.tolerance(case: "a", metric: "latency_p50").relative == 0.05)
        #expect(Self.golden.tolerance(case: "b", metric: "latency_p99").relative == 0.05)
        #expect(Self.golden.tolerance(case: "a", metric: "throughput") == Tolerance(relative: 1e-6, absolute: 0))
        // 12% on p99 fails even under the wider rule.
        let c = Comparison(golden: Self.golden, observed: observed(
            a: [Metric("throughput", 100), Metric("latency_p50", 10), Metric("latency_p99", 22.4)]),
            reportMissingCases: true)
        #expect(verdict(c, "a", "latency_p99") == .regressed)
    }

    @Test func newAndMissingMetricsAndCasesFail() {
        var obs = observed(a: [Metric("throughput", 100), Metric("latency_p50", 10), Metric("extra", 1)])
        obs.append(CaseResult(name: "c", digest: "0c", metrics: [Metric("x", 1)]))
        let c = Comparison(golden: Self.golden, observed: obs, reportMissingCases: true)
        #expect(verdict(c, "a", "extra") == .new)
        #expect(verdict(c, "a", "latency_p99") == .missing)
        #expect(verdict(c, "c", "digest") == .new)
        #expect(verdict(c, "c", "x") == .new)
        #expect(c.failed)

        let partial = Comparison(golden: Self.golden, observed: [observed()[0]], reportMissingCases: false)
        #expect(!partial.failed)                          // case b not run, not reported
        let full = Comparison(golden: Self.golden, observed: [observed()[0]], reportMissingCases: true)
        #expect(verdict(full, "b", "digest") == .missing)
        #expect(full.failed)
    }

    @Test func tableListsMetricGoldenNowDeltaVerdict() {
        let c = Comparison(golden: Self.golden, observed: observed(
            a: [Metric("throughput", 90), Metric("latency_p50", 10), Metric("latency_p99", 20)],
            aDigest: "00000000000000ff"), reportMissingCases: true)
        let table = c.table()
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.first?.split(separator: " ", omittingEmptySubsequences: true) == ["metric", "golden", "now", "delta", "verdict"])
        let row = lines.first { $0.contains("throughput") }
        #expect(row?.split(separator: " ", omittingEmptySubsequences: true) == ["throughput", "100", "90", "-10", "(-10.00%)", "REGRESSED"])
        #expect(lines.last?.hasPrefix("FAIL: 2 cases, 6 rows") == true)
        let short = c.table(failuresOnly: true)
        #expect(!short.contains("latency_p50"))
        #expect(short.contains("throughput"))
    }
}
