import Simulator
import Testing

@Suite struct CapacitySearchTests {
    @Test(arguments: [1, 2, 3, 7, 16, 17, 31, 32])
    func findsTheThresholdOfAMonotonePredicate(threshold: Int) {
        var calls = 0
        let r = CapacitySearch.fewest(in: 1...32) { n -> (feasible: Bool, evidence: Int) in
            calls += 1
            return (n >= threshold, n)
        }
        #expect(r.count == threshold)
        // Evidence at N and N − 1 (when N − 1 is in the range).
        #expect(r.evaluated.contains { $0.count == threshold && $0.feasible })
        if threshold > 1 { #expect(r.evaluated.contains { $0.count == threshold - 1 && !$0.feasible }) }
        // Bisection: at most ⌈log₂ 32⌉ + 2 evaluations, each count evaluated once.
        #expect(calls <= 7)
        #expect(Set(r.evaluated.map(\.count)).count == r.evaluated.count)
    }

    @Test func infeasibleEverywhereHasNoAnswer() {
        let r = CapacitySearch.fewest(in: 1...8) { n in (feasible: false, evidence: n) }
        #expect(r.count == nil)
        #expect(r.evaluated.map(\.count) == [8])
    }
}
