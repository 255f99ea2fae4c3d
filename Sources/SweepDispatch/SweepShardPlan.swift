/// How one `colosim sweep` is split into shards for a batch system: the command each shard runs, the
/// database it writes, and the merge that joins the shard databases afterwards.
///
/// Pure planning, shared by the renderers (``SlurmArrayJob``, ``KubernetesIndexedJob``): shard `i` of
/// `n` runs `colosim sweep FILE --shard i/n --jobs W --quiet --db DIR/shard-i.sqlite` (the grid points
/// whose index ≡ i mod n), and the merge runs `colosim runs merge DIR/shard-0.sqlite … --db MERGED`.
/// Because every point is deterministic and stored under its point key, the merged database equals an
/// unsharded `colosim sweep FILE` point for point.
public struct SweepShardPlan: Sendable, Equatable {
    /// The sweep's name (used for job names).
    public var sweepName: String
    /// The number of grid points in the sweep.
    public var pointCount: Int
    /// The number of shards (array tasks, pods), 1 ≤ shardCount ≤ pointCount.
    public var shardCount: Int
    /// The `colosim` executable as the tasks will run it (absolute for Slurm; in the image for Kubernetes).
    public var executable: String
    /// The sweep file as the tasks will read it.
    public var sweepFile: String
    /// The folder the shard databases are written to, as the tasks see it.
    public var resultsDirectory: String
    /// The database the merge joins the shards into.
    public var mergedDatabase: String
    /// Worker threads per shard (`colosim sweep --jobs`), which is also the CPUs each task asks for.
    public var workersPerShard: Int
    /// Further `colosim sweep` arguments passed to every shard unchanged (e.g. `--fidelity event`).
    public var extraArguments: [String]

    /// A plan; checks the shard count against the point count and the worker count.
    public init(sweepName: String, pointCount: Int, shardCount: Int? = nil, executable: String, sweepFile: String,
                resultsDirectory: String, mergedDatabase: String, workersPerShard: Int = 1,
                extraArguments: [String] = []) throws(SweepDispatchError) {
        guard pointCount >= 1 else { throw SweepDispatchError(field: "grid", "the sweep has no points") }
        let shards = shardCount ?? pointCount
        guard shards >= 1, shards <= pointCount else {
            throw SweepDispatchError(field: "--shards", "must be between 1 and the sweep's \(pointCount) points, got \(shards)")
        }
        guard workersPerShard >= 1 else {
            throw SweepDispatchError(field: "--cpus-per-task", "must be ≥ 1, got \(workersPerShard)")
        }
        for (field, value) in [("--colosim", executable), ("SWEEP", sweepFile), ("--out", resultsDirectory), ("--db", mergedDatabase)]
        where value.isEmpty {
            throw SweepDispatchError(field: field, "must not be empty")
        }
        self.sweepName = sweepName
        self.pointCount = pointCount
        self.shardCount = shards
        self.executable = executable
        self.sweepFile = sweepFile
        self.resultsDirectory = resultsDirectory
        self.mergedDatabase = mergedDatabase
        self.workersPerShard = workersPerShard
        self.extraArguments = extraArguments
    }

    /// The highest shard index, `shardCount - 1`.
    public var lastShardIndex: Int { shardCount - 1 }

    /// How many grid points shard `index` runs (indices ≡ index mod shardCount).
    public func pointCount(ofShard index: Int) -> Int {
        guard index >= 0, index < shardCount else { return 0 }
        return (pointCount - index + shardCount - 1) / shardCount
    }

    /// The database file of shard `index`.
    public func shardDatabase(index: Int) -> String { shardDatabaseArgument.rendered(index: index) }

    /// Every shard's database file, in index order.
    public var shardDatabases: [String] { (0..<shardCount).map(shardDatabase(index:)) }

    /// The shard database as an argument embedding the index: `DIR/shard-{i}.sqlite`.
    public var shardDatabaseArgument: ShardArgument {
        ShardArgument([.text(Self.joined(resultsDirectory, "shard-")), .shardIndex, .text(".sqlite")])
    }

    /// The arguments after the executable that one shard runs.
    public var shardArguments: [ShardArgument] {
        var args: [ShardArgument] = [.init(literal: "sweep"), .init(literal: sweepFile),
                                     .init(literal: "--shard"), .init([.shardIndex, .text("/\(shardCount)")]),
                                     .init(literal: "--jobs"), .init(literal: String(workersPerShard)),
                                     .init(literal: "--quiet")]
        args += extraArguments.map(ShardArgument.init(literal:))
        args += [.init(literal: "--db"), shardDatabaseArgument]
        return args
    }

    /// The full command (executable first) that shard `index` runs.
    public func shardCommand(index: Int) -> [String] {
        [executable] + shardArguments.map { $0.rendered(index: index) }
    }

    /// The arguments after the executable of the merge: every shard database into ``mergedDatabase``.
    public var mergeArguments: [String] { ["runs", "merge"] + shardDatabases + ["--db", mergedDatabase] }

    /// The full merge command, executable first.
    public var mergeCommand: [String] { [executable] + mergeArguments }

    /// A job name a batch system accepts: `colosim-` and the sweep name in lower-case letters, digits
    /// and `-` (a DNS-1123 label, as Kubernetes requires), at most `limit` characters.
    public func jobName(suffix: String = "", limit: Int = 63) -> String {
        var name = ""
        for c in sweepName.lowercased().unicodeScalars {
            let ok = (c >= "a" && c <= "z") || (c >= "0" && c <= "9")
            if ok { name.unicodeScalars.append(c) } else if !name.hasSuffix("-") { name += "-" }
        }
        let tail = suffix.isEmpty ? "" : "-" + suffix
        var base = "colosim-" + name.trimmingDashes
        let room = max(0, limit - tail.count)
        if base.count > room { base = String(base.prefix(room)) }
        return (base.trimmingDashes + tail).trimmingDashes
    }

    /// The sweep name for a one-line comment (control characters as spaces).
    var commentName: String {
        String(String.UnicodeScalarView(sweepName.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    /// `dir/name` without a doubled slash.
    static func joined(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }
}

extension String {
    /// The string without leading and trailing `-`.
    var trimmingDashes: String {
        var s = Substring(self)
        while s.hasPrefix("-") { s = s.dropFirst() }
        while s.hasSuffix("-") { s = s.dropLast() }
        return String(s)
    }
}
