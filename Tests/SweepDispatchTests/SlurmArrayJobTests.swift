import Foundation
import Testing
@testable import SweepDispatch

/// The generated Slurm scripts: read as text, and run by bash against a fake colosim and a fake sbatch.
@Suite struct SlurmArrayJobTests {
    /// A temporary folder holding `fake` programs that print their arguments one per line.
    static func fakeBin(_ names: [String], body: String = #"for a in "$@"; do printf '%s\n' "$a"; done"#) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sweepdispatch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in names {
            let url = dir.appendingPathComponent(name)
            try Data("#!/bin/sh\n\(body)\n".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        return dir
    }

    /// Runs `bash -c script` (or a script file) with extra environment; returns (status, stdout).
    static func bash(_ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func job(executable: String = "/opt/colosim/bin/colosim", sweepFile: String = "/data/sweeps/grid.yaml",
                    points: Int = 8, shards: Int? = nil, workers: Int = 1, partition: String? = nil) throws -> SlurmArrayJob {
        let plan = try SweepShardPlan(sweepName: "grid", pointCount: points, shardCount: shards, executable: executable,
                                      sweepFile: sweepFile, resultsDirectory: "/scratch/sweep-out",
                                      mergedDatabase: "/scratch/all results.sqlite", workersPerShard: workers,
                                      extraArguments: ["--fidelity", "event"])
        return try SlurmArrayJob(plan: plan, partition: partition, timeLimit: "30:00")
    }

    /// The `#SBATCH` directives of a script, as option → value; they must all precede the first command.
    static func directives(_ script: String) -> [String: String] {
        var out: [String: String] = [:]
        var seenCommand = false
        for line in script.split(separator: "\n").map(String.init) {
            if line.hasPrefix("#SBATCH ") {
                #expect(!seenCommand, "#SBATCH after the first command is ignored by sbatch: \(line)")
                let option = line.dropFirst("#SBATCH ".count)
                let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
                out[parts[0]] = parts.count > 1 ? parts[1] : ""
            } else if !line.hasPrefix("#"), !line.isEmpty {
                seenCommand = true
            }
        }
        return out
    }

    @Test func arrayScriptDirectives() throws {
        let job = try Self.job(points: 8, workers: 2, partition: "debug")
        let d = Self.directives(job.arrayScript)
        #expect(job.arrayScript.hasPrefix("#!/bin/bash\n"))
        #expect(d["--array"] == "0-7")
        #expect(d["--cpus-per-task"] == "2")
        #expect(d["--partition"] == "debug")
        #expect(d["--time"] == "30:00")
        #expect(d["--job-name"] == "colosim-grid")
        #expect(d["--output"] == "/scratch/sweep-out/shard-%a.log")
        #expect(d["--chdir"] == "/scratch/sweep-out")
        // Fewer shards than points: the array has one task per shard.
        #expect(Self.directives(try Self.job(points: 30, shards: 3).arrayScript)["--array"] == "0-2")
        #expect(Self.directives(try Self.job(points: 1).arrayScript)["--array"] == "0-0")
        // No partition flag, no partition line.
        #expect(Self.directives(try Self.job().arrayScript)["--partition"] == nil)
    }

    /// Task i runs `colosim sweep … --shard i/n … --db DIR/shard-i.sqlite`, with every argument intact
    /// (paths with spaces, quotes and `$` survive the shell).
    @Test(arguments: [0, 3, 7])
    func arrayTaskRunsItsShardIntoItsOwnDatabase(task: Int) throws {
        let bin = try Self.fakeBin(["colo sim"])
        defer { try? FileManager.default.removeItem(at: bin) }
        let job = try Self.job(executable: bin.appendingPathComponent("colo sim").path,
                               sweepFile: "/data/it's a $HOME \"sweep\".yaml", points: 8)
        let script = bin.appendingPathComponent("array.sbatch")
        try Data(job.arrayScript.utf8).write(to: script)
        let (status, out) = try Self.bash([script.path], environment: ["SLURM_ARRAY_TASK_ID": String(task)])
        #expect(status == 0)
        let args = out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(args == Array(job.plan.shardCommand(index: task).dropFirst()))
        #expect(args.contains("\(task)/8"))
        #expect(args.last == "/scratch/sweep-out/shard-\(task).sqlite")
        #expect(args.contains("/data/it's a $HOME \"sweep\".yaml"))
    }

    @Test func arrayScriptRefusesToRunOutsideAnArray() throws {
        let bin = try Self.fakeBin(["colosim"])
        defer { try? FileManager.default.removeItem(at: bin) }
        let job = try Self.job(executable: bin.appendingPathComponent("colosim").path)
        let script = bin.appendingPathComponent("array.sbatch")
        try Data(job.arrayScript.utf8).write(to: script)
        let (status, out) = try Self.bash(["-c", "unset SLURM_ARRAY_TASK_ID; exec /bin/bash \(script.path)"])
        #expect(status != 0 && out.isEmpty)
    }

    @Test func mergeScriptMergesEveryShardIntoTheMergedDatabase() throws {
        let bin = try Self.fakeBin(["colosim"])
        defer { try? FileManager.default.removeItem(at: bin) }
        let job = try Self.job(executable: bin.appendingPathComponent("colosim").path, points: 8, shards: 4)
        let d = Self.directives(job.mergeScript)
        #expect(d["--job-name"] == "colosim-grid-merge")
        #expect(d["--output"] == "/scratch/sweep-out/merge.log")
        #expect(d["--chdir"] == "/scratch/sweep-out")
        #expect(d["--array"] == nil && d["--dependency"] == nil)
        let script = bin.appendingPathComponent("merge.sbatch")
        try Data(job.mergeScript.utf8).write(to: script)
        let (status, out) = try Self.bash([script.path])
        #expect(status == 0)
        #expect(out.split(separator: "\n").map(String.init)
                == ["runs", "merge"] + (0..<4).map { "/scratch/sweep-out/shard-\($0).sqlite" } + ["--db", "/scratch/all results.sqlite"])
    }

    /// The printed submit command submits the array, then the merge with afterok on the array's id.
    @Test func submitCommandChainsTheMergeAfterTheArray() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("sbatch-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let bin = try Self.fakeBin(["sbatch"], body: """
            printf '%s\\n' "$*" >> '\(log.path)'
            if [ "$(wc -l < '\(log.path)')" -eq 1 ]; then echo '4242;local'; else echo 4243; fi
            """)
        defer { try? FileManager.default.removeItem(at: bin) }
        let job = try Self.job()
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let (status, out) = try Self.bash(["-c", job.submitCommand], environment: ["PATH": path])
        #expect(status == 0)
        #expect(out == "4243\n")
        let calls = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(calls == ["--parsable /scratch/sweep-out/sweep-array.sbatch",
                          "--parsable --dependency=afterok:4242 /scratch/sweep-out/sweep-merge.sbatch"])
        #expect(job.mergeSubmitArguments(arrayJobID: "17") == ["sbatch", "--parsable", "--dependency=afterok:17",
                                                               "/scratch/sweep-out/sweep-merge.sbatch"])
    }

    @Test func parsableJobIDs() {
        #expect(SlurmArrayJob.jobID(fromParsable: "123\n") == "123")
        #expect(SlurmArrayJob.jobID(fromParsable: "123;cluster") == "123")
        #expect(SlurmArrayJob.jobID(fromParsable: "sbatch: error: x") == nil)
        #expect(SlurmArrayJob.jobID(fromParsable: "") == nil)
    }

    @Test func pathsSlurmCannotTakeAreRejected() throws {
        func plan(out: String, executable: String = "/bin/colosim") throws -> SweepShardPlan {
            try SweepShardPlan(sweepName: "g", pointCount: 2, executable: executable, sweepFile: "/s.yaml",
                               resultsDirectory: out, mergedDatabase: "/m.sqlite")
        }
        #expect(throws: SweepDispatchError.self) { try SlurmArrayJob(plan: try plan(out: "relative/out")) }
        #expect(throws: SweepDispatchError.self) { try SlurmArrayJob(plan: try plan(out: "/out", executable: "colosim")) }
        #expect(throws: SweepDispatchError.self) { try SlurmArrayJob(plan: try plan(out: "/with space")) }
        #expect(throws: SweepDispatchError.self) { try SlurmArrayJob(plan: try plan(out: "/100%")) }
        #expect(throws: SweepDispatchError.self) { try SlurmArrayJob(plan: try plan(out: "/o"), partition: "a b") }
        #expect(throws: Never.self) { try SlurmArrayJob(plan: try plan(out: "/scratch/o-1_x.y")) }
    }
}
