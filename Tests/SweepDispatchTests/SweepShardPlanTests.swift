import Testing
@testable import SweepDispatch

/// The shard plan shared by the Slurm and Kubernetes renderers.
@Suite struct SweepShardPlanTests {
    static func plan(points: Int = 8, shards: Int? = nil, workers: Int = 1) throws -> SweepShardPlan {
        try SweepShardPlan(sweepName: "Grid_20 test", pointCount: points, shardCount: shards, executable: "/opt/colosim/bin/colosim",
                           sweepFile: "/data/sweeps/grid.yaml", resultsDirectory: "/scratch/out",
                           mergedDatabase: "/scratch/all.sqlite", workersPerShard: workers)
    }

    @Test func shardCountDefaultsToOnePerPoint() throws {
        #expect(try Self.plan(points: 8).shardCount == 8)
        #expect(try Self.plan(points: 30, shards: 4).shardCount == 4)
    }

    @Test func badShardAndWorkerCountsAreRejectedNamingTheFlag() {
        #expect(throws: SweepDispatchError(field: "--shards", "must be between 1 and the sweep's 8 points, got 0")) {
            try Self.plan(points: 8, shards: 0)
        }
        #expect(throws: SweepDispatchError(field: "--shards", "must be between 1 and the sweep's 8 points, got 9")) {
            try Self.plan(points: 8, shards: 9)
        }
        #expect(throws: SweepDispatchError(field: "--cpus-per-task", "must be ≥ 1, got 0")) {
            try Self.plan(workers: 0)
        }
    }

    /// Shard i runs the points whose index ≡ i (mod n): every point exactly once.
    @Test(arguments: [(8, 8), (8, 3), (30, 4), (30, 1), (7, 7)])
    func shardsCoverEveryPointOnce(points: Int, shards: Int) throws {
        let p = try Self.plan(points: points, shards: shards)
        let expected = (0..<shards).map { i in (0..<points).filter { $0 % shards == i }.count }
        #expect((0..<shards).map(p.pointCount(ofShard:)) == expected)
        #expect(expected.reduce(0, +) == points)
        #expect(expected.allSatisfy { $0 >= 1 })
    }

    @Test func shardCommandAndDatabases() throws {
        let p = try Self.plan(points: 8, shards: 4, workers: 2)
        #expect(p.shardCommand(index: 3) == ["/opt/colosim/bin/colosim", "sweep", "/data/sweeps/grid.yaml", "--shard", "3/4",
                                             "--jobs", "2", "--quiet", "--db", "/scratch/out/shard-3.sqlite"])
        #expect(p.shardDatabases == (0..<4).map { "/scratch/out/shard-\($0).sqlite" })
        #expect(p.mergeCommand == ["/opt/colosim/bin/colosim", "runs", "merge"] + p.shardDatabases + ["--db", "/scratch/all.sqlite"])
        #expect(p.shardDatabaseArgument.description == "/scratch/out/shard-{i}.sqlite")
    }

    @Test func jobNamesAreDNSLabels() throws {
        let p = try Self.plan()
        #expect(p.jobName() == "colosim-grid-20-test")
        #expect(p.jobName(suffix: "merge") == "colosim-grid-20-test-merge")
        var long = p
        long.sweepName = String(repeating: "Ab_", count: 40)
        let name = long.jobName(suffix: "merge")
        #expect(name.count <= 63 && name.hasSuffix("-merge") && !name.contains("--"))
    }
}
