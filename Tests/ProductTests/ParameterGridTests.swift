import Simulator
import Testing

@Suite struct ParameterGridTests {
    let grid = ParameterGrid(axes: [
        .init(name: "policy", values: ["fixed", "burst", "weight-preemptive"]),
        .init(name: "containers.ai.weight", values: ["1", "2"]),
        .init(name: "seed", values: ["1", "2", "3", "4"]),
    ])

    @Test func pointsFollowNestedLoopOrder() {
        // Oracle: the same grid written as nested loops.
        var expected: [String] = []
        for p in ["fixed", "burst", "weight-preemptive"] {
            for w in ["1", "2"] {
                for s in ["1", "2", "3", "4"] { expected.append("policy=\(p),containers.ai.weight=\(w),seed=\(s)") }
            }
        }
        #expect(grid.count == 24)
        #expect(grid.points.map(\.key) == expected)
        #expect(grid.points.map(\.index) == Array(0..<24))
    }

    @Test func shardsPartitionTheGrid() {
        for n in 1...5 {
            let shards = (0..<n).map { grid.points(shard: $0, of: n) }
            let keys = shards.flatMap { $0.map(\.key) }
            #expect(keys.count == grid.count)
            #expect(Set(keys) == Set(grid.points.map(\.key)))
            // Sizes differ by at most one.
            let sizes = shards.map(\.count)
            #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
            // Deterministic: the same shard twice gives the same points.
            #expect(grid.points(shard: n - 1, of: n).map(\.key) == shards[n - 1].map(\.key))
        }
    }

    @Test func emptyGridHasOnePoint() {
        let g = ParameterGrid(axes: [])
        #expect(g.count == 1)
        #expect(g.points.map(\.key) == [""])
    }
}
