import Foundation
import Testing
import TestSupport

/// `colosim sweep --slurm` / `--k8s` end to end without a cluster: the written scripts run by bash (the
/// way Slurm runs them: an array task per index, from another folder), a fake `sbatch` for `--submit`,
/// and bad flag combinations (exit 2). The real cluster run is `make slurm-test`.
@Suite(.serialized) struct SweepDispatchCLITests {
    static func bash(_ script: String, in dir: URL, environment: [String: String] = [:]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script]
        process.currentDirectoryURL = dir
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The generated array script, run for every task index from an unrelated folder, and then the merge
    /// script, give the same database as a local `--jobs 1` sweep (CSV export by key, ids and times aside).
    @Test func generatedScriptsRunTheSweepAndMergeItLikeALocalRun() throws {
        let dir = try RunsCLIFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try RunsCLIFixtures.write(SweepCLIFixtures.sweep(duration: 0.3, name: "dispatch"), "grid.yaml", in: dir)
        // Relative paths on the command line, resolved against the working directory `dir`.
        let r = try runColosim(["sweep", "grid.yaml", "--slurm", "--shards", "3", "--cpus-per-task", "2",
                                "--out", "out", "--db", "merged.sqlite", "--partition", "debug", "--json"],
                               currentDirectory: dir)
        #expect(r.exitCode == 0, "\(r.stderr)")
        let doc = SweepCLIFixtures.object(r.stdout)
        let out = dir.appendingPathComponent("out")
        let arrayScript = try #require(doc["array_script"] as? String)
        #expect(doc["points"] as? Int == 20 && doc["shards"] as? Int == 3)
        #expect(arrayScript == out.appendingPathComponent("sweep-array.sbatch").path)
        #expect(doc["merged_db"] as? String == dir.appendingPathComponent("merged.sqlite").path)
        let text = try String(contentsOfFile: arrayScript, encoding: .utf8)
        #expect(text.contains("#SBATCH --array=0-2\n") && text.contains("#SBATCH --cpus-per-task=2\n"))
        #expect(text.contains("#SBATCH --partition=debug\n"))
        // Absolute paths only: the binary that ran this command and the sweep file.
        #expect(text.contains("exec \(colosimExecutableURL().resolvingSymlinksInPath().path) sweep \(dir.appendingPathComponent("grid.yaml").path) "))
        #expect(text.contains("--db \"\(out.path)/shard-${i}.sqlite\""))

        let elsewhere = try RunsCLIFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        for task in 0..<3 {
            #expect(try Self.bash(arrayScript, in: elsewhere, environment: ["SLURM_ARRAY_TASK_ID": String(task)]) == 0)
        }
        #expect(try Self.bash(try #require(doc["merge_script"] as? String), in: elsewhere) == 0)
        let local = dir.appendingPathComponent("local.sqlite").path
        #expect(try runColosim(["sweep", "grid.yaml", "--jobs", "1", "--db", local, "--quiet"], currentDirectory: dir).exitCode == 0)
        func export(_ db: String) throws -> String {
            SweepCLIFixtures.comparableCSV(try runColosim(["runs", "export", "--csv", "--sort", "key", "--db", db]).stdout)
        }
        let merged = try export(dir.appendingPathComponent("merged.sqlite").path)
        #expect(merged.split(separator: "\n").count == 21)
        #expect(merged == (try export(local)))
    }

    /// `--submit` runs sbatch twice: the array, then the merge with afterok on the array's job id.
    @Test func submitUsesSbatchWithAnAfterokDependency() throws {
        let dir = try RunsCLIFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sweep = try RunsCLIFixtures.write(SweepCLIFixtures.sweep(name: "submit"), "grid.yaml", in: dir)
        let log = dir.appendingPathComponent("sbatch.log").path
        _ = try RunsCLIFixtures.write("""
            #!/bin/sh
            printf '%s\\n' "$*" >> '\(log)'
            if [ "$(wc -l < '\(log)')" -eq 1 ]; then echo 101; else echo '102;cluster'; fi
            """, "sbatch", in: dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.appendingPathComponent("sbatch").path)
        let path = dir.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let out = dir.appendingPathComponent("out").path
        let r = try runColosim(["sweep", sweep, "--slurm", "--submit", "--out", out, "--json"], environment: ["PATH": path])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let doc = SweepCLIFixtures.object(r.stdout)
        #expect(doc["array_job"] as? String == "101" && doc["merge_job"] as? String == "102")
        let calls = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(calls == ["--parsable \(out)/sweep-array.sbatch", "--parsable --dependency=afterok:101 \(out)/sweep-merge.sbatch"])

        // sbatch refusing the job: exit 1 with its message.
        _ = try RunsCLIFixtures.write("#!/bin/sh\necho 'sbatch: error: invalid partition' >&2\nexit 1\n", "sbatch", in: dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.appendingPathComponent("sbatch").path)
        let refused = try runColosim(["sweep", sweep, "--slurm", "--submit", "--out", out], environment: ["PATH": path])
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("invalid partition"))
    }

    @Test func k8sPrintsAnIndexedJob() throws {
        let r = try runColosim(["sweep", "scenarios/sweeps/slurm-smoke.yaml", "--k8s", "--shards", "4", "--image", "reg/colosim:1"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.contains("completionMode: Indexed\n  completions: 4\n  parallelism: 4\n"))
        #expect(r.stdout.contains(#"args: ["sweep", "scenarios/sweeps/slurm-smoke.yaml", "--shard", "$(JOB_COMPLETION_INDEX)/4""#))
    }

    /// Bad combinations and values exit 2 with a message naming the flag.
    @Test(arguments: [
        (["--slurm", "--k8s"], "--slurm and --k8s"),
        (["--shards", "2"], "--shards needs --slurm or --k8s"),
        (["--submit"], "--submit needs --slurm"),
        (["--image", "x"], "--image needs --k8s"),
        (["--slurm", "--shard", "0/2"], "--shard cannot be combined with --slurm"),
        (["--slurm", "--jobs", "2"], "--jobs cannot be combined with --slurm"),
        (["--slurm", "--shards", "0"], "--shards must be ≥ 1"),
        (["--slurm", "--shards", "9"], "must be between 1 and the sweep's 8 points, got 9"),
        (["--slurm", "--cpus-per-task", "0"], "--cpus-per-task must be ≥ 1"),
        (["--k8s", "--partition", "p"], "--partition is for --slurm"),
        (["--slurm", "--claim", "c"], "--claim is for --k8s"),
        (["--slurm", "--out", "/tmp/a b"], "field '--out': cannot contain ' '"),
        (["--slurm", "--colosim", "/nonexistent/colosim"], "field '--colosim': not an executable file"),
        (["--k8s", "--claim", "Bad_Name"], "field '--claim'"),
    ])
    func badFlagsExitTwo(flags: [String], message: String) throws {
        let r = try runColosim(["sweep", "scenarios/sweeps/slurm-smoke.yaml"] + flags)
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }
}
