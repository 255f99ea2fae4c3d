import ColoModel
import Testing
@testable import Scheduling

@Suite struct TypicalPodsTests {
    func pods() -> [PodRequest] {
        Array(repeating: Fixtures.pod(cpu: 4000, gpus: 1, milli: 500), count: 5)
            + Array(repeating: Fixtures.pod(cpu: 8000, gpus: 1, milli: 1000), count: 3)
            + [Fixtures.pod(cpu: 2000), Fixtures.pod(cpu: 6000, gpus: 1, milli: 1000, models: ["T4"])]
    }

    @Test func keepsTheMostPopularClassesUpToTheThreshold() {
        // 95 % of 10 pods = 9.5: all four classes (5, 3, 1, 1), ties larger CPU first.
        let all = TypicalPods.build(from: pods())
        #expect(all.map(\.cpuMilli) == [4000, 8000, 6000, 2000])
        #expect(all.map(\.popularity) == [0.5, 0.3, 0.1, 0.1])
        #expect(all[2].gpuModels == "T4")
        #expect(all[3].gpuMilli == 0 && all[3].gpuCount == 0)
        // 80 %: 5 + 3 = 8 reaches 8, renormalised to 5/8 and 3/8.
        let top = TypicalPods.build(from: pods(), popularityThreshold: 80)
        #expect(top.count == 2)
        #expect(abs(top[0].popularity - 0.625) < 1e-12 && abs(top[1].popularity - 0.375) < 1e-12)
    }

    @Test func cpuPodsWithoutRequestCountAs100Milli() {
        let t = TypicalPods.build(from: [Fixtures.pod(cpu: 0)])
        #expect(t.first?.cpuMilli == 100)
    }
}
