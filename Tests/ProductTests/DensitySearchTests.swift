import Simulator
import Testing

@Suite struct DensitySearchTests {
    @Test(arguments: [1, 2, 3, 5, 7, 8])
    func findsTheLastFeasibleDensityOfAMonotonePredicate(threshold: Int) {
        var calls = 0
        let r = DensitySearch.densest(in: 1...8) { k -> (feasible: Bool, evidence: Int) in
            calls += 1
            return (k <= threshold, k)
        }
        #expect(r.count == threshold)
        // Evidence at k and at k + 1 (when k + 1 is in the range): the next density breaks.
        #expect(r.evaluated.contains { $0.count == threshold && $0.feasible })
        if threshold < 8 { #expect(r.evaluated.contains { $0.count == threshold + 1 && !$0.feasible }) }
        // Bisection: at most ⌈log₂ 8⌉ + 2 evaluations, each density evaluated once, in increasing order.
        #expect(calls <= 5)
        #expect(r.evaluated.map(\.count) == r.evaluated.map(\.count).sorted())
        #expect(Set(r.evaluated.map(\.count)).count == r.evaluated.count)
    }

    @Test func infeasibleAtOnePodPerGPUHasNoAnswer() {
        let r = DensitySearch.densest(in: 1...8) { k in (feasible: false, evidence: k) }
        #expect(r.count == nil)
        #expect(r.evaluated.map(\.count) == [1])
    }

    @Test func milliSplitsOneGPU() {
        #expect(DensitySearch.milli(podsPerGPU: 1) == 1000)
        #expect(DensitySearch.milli(podsPerGPU: 3) == 333)
        #expect(DensitySearch.milli(podsPerGPU: 8) == 125)
        #expect(DensitySearch.milli(podsPerGPU: 0) == 1000)
    }
}
