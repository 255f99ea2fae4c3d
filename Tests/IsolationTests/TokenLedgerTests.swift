import Testing
@testable import Isolation

@Suite struct TokenLedgerTests {
    @Test func achievedShareAndWeightErrorOverWindows() {
        var l = TokenLedger(windowNs: 100, engines: ["compute", "nvenc"], configured: [[0.5, 0.2], [0.5, 0.8]])
        // container 0 runs exclusively 0–60, container 1 60–100; then 0 at half the SMs 100–300
        l.record(container: 0, engine: 0, fromNs: 0, toNs: 60, amount: 1)
        l.record(container: 1, engine: 0, fromNs: 60, toNs: 100, amount: 1)
        l.record(container: 0, engine: 0, fromNs: 100, toNs: 300, amount: 0.5)
        #expect(l.windowShares(container: 0, engine: 0) == [0.6, 0.5, 0.5])
        #expect(abs(l.achievedShare(container: 0, engine: 0, fromNs: 0, toNs: 300) - (60 + 100) / 300.0) < 1e-12)
        #expect(abs(l.weightError(container: 1, engine: 0, fromNs: 0, toNs: 100) - (0.4 - 0.5)) < 1e-12)
        #expect(abs(l.worstWindowError(container: 0, engine: 0) - 0.1) < 1e-12)
        #expect(l.invariantViolations().isEmpty)
    }

    @Test func intervalsSplitAcrossWindowBoundaries() {
        var l = TokenLedger(windowNs: 10, engines: ["nvenc"], configured: [[1]])
        l.record(container: 0, engine: 0, fromNs: 5, toNs: 27, amount: 1)
        #expect(l.windowShares(container: 0, engine: 0) == [0.5, 1.0, 0.7])
    }

    @Test func overCommitIsReported() {
        var l = TokenLedger(windowNs: 10, engines: ["compute"], configured: [[0.6], [0.6]])
        l.record(container: 0, engine: 0, fromNs: 0, toNs: 10, amount: 1)
        l.record(container: 1, engine: 0, fromNs: 0, toNs: 10, amount: 0.5)
        #expect(l.invariantViolations().count == 2)  // configured 1.2 and achieved 1.5
    }
}
