import ArgumentParser
import Experiments
import Foundation
import SweepDispatch

/// `colosim sweep FILE --slurm | --k8s`: the sweep as a batch job instead of a local run. The plan and
/// the script/manifest text come from `SweepDispatch` (pure); this file checks flags, writes files and
/// runs `sbatch`.
extension SweepCommand {
    /// Flags that only make sense with `--slurm` or `--k8s`, by name, when given.
    var dispatchOnlyFlags: [String] {
        var given: [String] = []
        if shards != nil { given.append("--shards") }
        if cpusPerTask != nil { given.append("--cpus-per-task") }
        if out != nil { given.append("--out") }
        if colosim != nil { given.append("--colosim") }
        return given
    }

    /// Checks the combination of the batch-system flags (exit 2 on a bad one).
    func validateDispatch() throws {
        if slurm && k8s { throw ValidationError("--slurm and --k8s exclude each other: pick one batch system") }
        let slurmOnly = [("--submit", submit), ("--partition", partition != nil), ("--time", time != nil)].filter(\.1).map(\.0)
        let k8sOnly = [("--image", image != nil), ("--claim", claim != nil)].filter(\.1).map(\.0)
        if !slurm && !k8s {
            if let flag = dispatchOnlyFlags.first { throw ValidationError("\(flag) needs --slurm or --k8s (it configures a batch job)") }
            if let flag = slurmOnly.first { throw ValidationError("\(flag) needs --slurm (it configures a Slurm job)") }
            if let flag = k8sOnly.first { throw ValidationError("\(flag) needs --k8s (it configures a Kubernetes Job)") }
            return
        }
        let system = slurm ? "--slurm" : "--k8s"
        if shard != nil { throw ValidationError("--shard cannot be combined with \(system): the batch job runs every shard (use --shards N)") }
        if jobs != nil { throw ValidationError("--jobs cannot be combined with \(system): each task runs --cpus-per-task workers") }
        if slurm, let flag = k8sOnly.first { throw ValidationError("\(flag) is for --k8s, not --slurm") }
        if k8s, let flag = slurmOnly.first { throw ValidationError("\(flag) is for --slurm, not --k8s") }
        if let shards, shards < 1 { throw ValidationError("--shards must be ≥ 1, got \(shards)") }
        if let cpusPerTask, cpusPerTask < 1 { throw ValidationError("--cpus-per-task must be ≥ 1, got \(cpusPerTask)") }
    }

    /// Plans the batch job, writes or prints it, and submits it with `--submit`.
    func runDispatch() throws {
        let spec = try SweepFile.load(path: sweep)
        let setup = try ScenarioRunner(path: spec.scenarioPath)
        // Every point's overrides are checked here, on the submitting machine, before any task starts.
        for point in spec.grid.points {
            var o = try spec.overrides(for: point)
            if let fidelity { o.fidelity = fidelity }
            _ = try setup.effectiveText(o)
        }
        let extra = fidelity.map { ["--fidelity", $0] } ?? []
        if slurm {
            try runSlurm(spec: spec, extra: extra)
        } else {
            try runKubernetes(spec: spec, extra: extra)
        }
    }

    /// `--slurm`: writes the array and merge scripts into `--out`, prints the submit command or submits.
    func runSlurm(spec: SweepFile, extra: [String]) throws {
        let outDir = Self.absolute(out ?? "colosim-sweep-\(spec.name)")
        let executable = try colosim.map(Self.absolute) ?? Self.currentExecutable()
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw InputError(file: executable, field: "--colosim", "not an executable file")
        }
        let job = try mappingDispatchErrors {
            let plan = try SweepShardPlan(sweepName: spec.name, pointCount: spec.grid.points.count, shardCount: shards,
                                          executable: executable, sweepFile: Self.absolute(sweep),
                                          resultsDirectory: outDir, mergedDatabase: Self.absolute(store.db),
                                          workersPerShard: cpusPerTask ?? 1, extraArguments: extra)
            return try SlurmArrayJob(plan: plan, partition: partition, timeLimit: time)
        }
        do {
            try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
            for (path, text) in [(job.arrayScriptPath, job.arrayScript), (job.mergeScriptPath, job.mergeScript)] {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            }
        } catch {
            throw InputError(file: outDir, field: "--out", "cannot write the job scripts: \(error.localizedDescription)")
        }
        var doc: [String: Any] = [
            "sweep": spec.name, "points": job.plan.pointCount, "shards": job.plan.shardCount,
            "array_script": job.arrayScriptPath, "merge_script": job.mergeScriptPath,
            "shard_dbs": job.plan.shardDatabases, "merged_db": job.plan.mergedDatabase,
            "submit_command": job.submitCommand,
        ]
        var text = "wrote \(job.arrayScriptPath) (array \(job.arrayRange): \(job.plan.pointCount) points in "
            + "\(job.plan.shardCount) shards, \(job.plan.workersPerShard) CPU\(job.plan.workersPerShard == 1 ? "" : "s") each) "
            + "and \(job.mergeScriptPath) (merge into \(job.plan.mergedDatabase))\n"
        if submit {
            let arrayOutput = try Self.sbatch(job.arraySubmitArguments)
            guard let arrayID = SlurmArrayJob.jobID(fromParsable: arrayOutput) else {
                throw SubmitError("sbatch printed no job id for the array job: '\(arrayOutput)'")
            }
            let mergeOutput = try Self.sbatch(job.mergeSubmitArguments(arrayJobID: arrayID))
            guard let mergeID = SlurmArrayJob.jobID(fromParsable: mergeOutput) else {
                throw SubmitError("array job \(arrayID) submitted, but sbatch printed no job id for the merge job: '\(mergeOutput)'")
            }
            doc["array_job"] = arrayID
            doc["merge_job"] = mergeID
            text += "submitted array job \(arrayID) (\(job.plan.shardCount) tasks) and merge job \(mergeID) (afterok:\(arrayID))\n"
                + "logs: \(job.arrayLogPattern), \(job.mergeLogPath)\n"
        } else {
            text += "submit with:\n  \(job.submitCommand)\n"
        }
        print(json ? Self.jsonText(doc) : text, terminator: "")
    }

    /// `--k8s`: prints the Indexed Job manifest (paths are the container's).
    func runKubernetes(spec: SweepFile, extra: [String]) throws {
        let job = try mappingDispatchErrors {
            let plan = try SweepShardPlan(sweepName: spec.name, pointCount: spec.grid.points.count, shardCount: shards,
                                          executable: colosim ?? "colosim", sweepFile: sweep,
                                          resultsDirectory: out ?? "/results", mergedDatabase: store.db,
                                          workersPerShard: cpusPerTask ?? 1, extraArguments: extra)
            return try KubernetesIndexedJob(plan: plan, image: image ?? "colosim:latest",
                                            claimName: claim ?? "colosim-results")
        }
        if json {
            print(Self.jsonText(["sweep": spec.name, "points": job.plan.pointCount, "shards": job.plan.shardCount,
                                 "manifest": job.manifest, "merge_command": job.mergeCommand]), terminator: "")
        } else {
            print(job.manifest, terminator: "")
        }
    }

    /// Runs `body`, turning a plan error into an exit-2 input error naming the flag.
    func mappingDispatchErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SweepDispatchError {
            throw InputError(field: error.field, error.message)
        }
    }

    /// `path` made absolute against the working directory, `.` and `..` resolved.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The running `colosim` binary's absolute path.
    static func currentExecutable() throws -> String {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), target.hasPrefix("/") {
            return target
        }
        if let path = Bundle.main.executablePath { return absolute(path) }
        throw InputError(field: "--colosim", "cannot tell where this colosim binary is; give its absolute path with --colosim")
    }

    /// Runs `sbatch` with `arguments` (the first is `sbatch`, found on PATH) and returns its output.
    static func sbatch(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw SubmitError("cannot run sbatch: \(error.localizedDescription)")
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stdout = String(decoding: outData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let stderr = String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else {
            let shown = arguments.joined(separator: " ")
            throw SubmitError("`\(shown)` failed (exit \(process.terminationStatus)): \(stderr.isEmpty ? stdout : stderr)")
        }
        return stdout
    }

    /// A JSON object as pretty text with sorted keys and a final newline.
    static func jsonText(_ doc: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]) else {
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
