import Foundation
import Testing
import TestSupport

@Suite struct RunsCLITests {
    @Test func importListShowExportRoundTrip() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let db = dir.appendingPathComponent("r.sqlite").path
        let json = try RunsCLIFixtures.write("[\(RunsCLIFixtures.record(seed: 1)),\(RunsCLIFixtures.record(seed: 2, policy: "tidal"))]",
                                             "runs.json", in: dir)
        let imported = try runColosim(["runs", "import-json", json, "--db", db])
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2 stored, 0 skipped"))
        // Importing again stores nothing twice.
        let again = try runColosim(["runs", "import-json", json, "--db", db])
        #expect(again.stdout.contains("0 stored, 2 skipped"))

        let list = try runColosim(["runs", "list", "--db", db])
        #expect(list.exitCode == 0)
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[2].hasPrefix("2   recsys-colocation  tidal"))

        let show = try runColosim(["runs", "show", "2", "--db", db])
        #expect(show.stdout.contains("policy:    tidal"))
        #expect(show.stdout.contains("finished:  2026-11-30T12:00:05.500Z"))

        // show --json output is itself importable and identifies the same run (a duplicate).
        let shown = try runColosim(["runs", "show", "1", "--json", "--db", db])
        #expect(shown.stdout.contains("\"scenarioHash\" : "))
        let back = try RunsCLIFixtures.write(shown.stdout, "back.json", in: dir)
        #expect(try runColosim(["runs", "import-json", back, "--db", db]).stdout.contains("0 stored, 1 skipped"))

        let csv = try runColosim(["runs", "export", "--csv", "--db", db])
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first == "id,run_key,scenario_name,scenario_hash,policy,seed,digest,colosim_version,started_at,finished_at,sweep_id,point_key,gpu_utilization,gpus_used,sla_attainment,sla_met")
        #expect(rows.count == 3)
        #expect(rows[1].hasSuffix(",shared,1,00000000deadbe01,0.1.0,2026-11-30T12:00:00.000Z,2026-11-30T12:00:05.500Z,,,0.35,5.0,0.995,true"))

        let out = dir.appendingPathComponent("runs.csv").path
        #expect(try runColosim(["runs", "export", "--csv", "--out", out, "--db", db]).exitCode == 0)
        #expect(RunsCLIFixtures.bytes(out) == Data(csv.stdout.utf8))
        let full = try runColosim(["runs", "export", "--db", db])
        #expect(full.stdout.hasPrefix("[") && full.stdout.contains("\"latencyCDFs\""))
    }

    @Test func unknownRunIdExitsWith2() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let db = dir.appendingPathComponent("r.sqlite").path
        let json = try RunsCLIFixtures.write(RunsCLIFixtures.record(seed: 1), "run.json", in: dir)
        #expect(try runColosim(["runs", "import-json", json, "--db", db]).exitCode == 0)
        let r = try runColosim(["runs", "show", "99", "--db", db])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("no run '99'"))
        let missing = try runColosim(["runs", "list", "--db", dir.appendingPathComponent("none.sqlite").path])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("no results database"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("none.sqlite").path))
    }

    @Test func corruptDatabaseExitsWith2AndIsNotModified() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let bad = dir.appendingPathComponent("bad.sqlite").path
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: ($0 &* 7919) ^ ($0 >> 3)) })
        try garbage.write(to: URL(fileURLWithPath: bad))
        let good = dir.appendingPathComponent("good.sqlite").path
        let json = try RunsCLIFixtures.write(RunsCLIFixtures.record(seed: 1), "run.json", in: dir)
        #expect(try runColosim(["runs", "import-json", json, "--db", good]).exitCode == 0)
        let goodBytes = RunsCLIFixtures.bytes(good)

        for args in [["runs", "list"], ["runs", "show", "1"], ["runs", "export", "--csv"],
                     ["runs", "import-json", json], ["report", "1", "--html", dir.appendingPathComponent("r.html").path]] {
            let r = try runColosim(args + ["--db", bad])
            #expect(r.exitCode == 2, "\(args)")
            #expect(r.stderr.contains("bad.sqlite"), "\(args)")
            #expect(r.stderr.contains("not a SQLite database"), "\(args)")
            #expect(RunsCLIFixtures.bytes(bad) == garbage, "\(args) modified the corrupt file")
        }
        // Merging a corrupt file into a good one: exit 2, both files unchanged.
        let merge = try runColosim(["runs", "merge", bad, "--db", good])
        #expect(merge.exitCode == 2)
        #expect(RunsCLIFixtures.bytes(bad) == garbage)
        #expect(RunsCLIFixtures.bytes(good) == goodBytes)
        for suffix in ["-wal", "-shm", "-journal"] {
            #expect(!FileManager.default.fileExists(atPath: bad + suffix))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.html").path))
    }

    @Test func mergedShardsHoldEveryPointOnce() throws {
        let dir = try RunsCLIFixtures.tempDir()
        func shard(_ name: String, _ points: [Int]) throws -> String {
            let db = dir.appendingPathComponent(name).path
            let recs = points.map { RunsCLIFixtures.record(seed: $0, sweep: "grid", point: "p\($0)") }
            let json = try RunsCLIFixtures.write("[" + recs.joined(separator: ",") + "]", name + ".json", in: dir)
            #expect(try runColosim(["runs", "import-json", json, "--db", db]).exitCode == 0)
            return db
        }
        let s0 = try shard("s0.sqlite", [0, 2, 4])
        let s1 = try shard("s1.sqlite", [1, 3, 4])  // point 4 ran in both shards
        let full = try shard("full.sqlite", [0, 1, 2, 3, 4])
        let merged = dir.appendingPathComponent("merged.sqlite").path
        let r = try runColosim(["runs", "merge", s0, s1, "--db", merged])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.contains("s0.sqlite: 3 runs added, 0 skipped"))
        #expect(r.stdout.contains("s1.sqlite: 2 runs added, 1 skipped"))
        // Exported by run key, the merged database equals the unsharded one (ids aside).
        func export(_ db: String) throws -> [String] {
            try runColosim(["runs", "export", "--csv", "--sort", "key", "--db", db]).stdout
                .split(separator: "\n").map { $0.split(separator: ",", maxSplits: 1).last.map(String.init) ?? "" }
        }
        #expect(try export(merged) == export(full))
        #expect(try export(merged).count == 6)
    }

    @Test func badImportNamesTheField() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let db = dir.appendingPathComponent("r.sqlite").path
        let bad = RunsCLIFixtures.record(seed: 1).replacingOccurrences(of: "\"seed\": 1", with: "\"seed\": \"one\"")
        let json = try RunsCLIFixtures.write("[\(RunsCLIFixtures.record(seed: 2)), \(bad)]", "bad.json", in: dir)
        let r = try runColosim(["runs", "import-json", json, "--db", db])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("bad.json: field '[1].seed'"))
        // Nothing was stored from the file with the bad record.
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}

@Suite struct RunsKillTests {
    /// Kills `colosim runs import-json` part-way through a long import (SIGKILL: no clean-up runs).
    /// Whenever the kill lands, every stored run must be complete: all 1000 series points and all
    /// 50 CDF points, never a partial record.
    @Test func killedImportLeavesOnlyCompleteRuns() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let db = dir.appendingPathComponent("k.sqlite").path
        let series = (0..<1000).map { "{\"t\": \($0), \"value\": 0.5}" }.joined(separator: ",")
        let cdf = (1...50).map { "{\"latencyMs\": \($0), \"fraction\": \(Double($0) / 50)}" }.joined(separator: ",")
        let records = (0..<40).map { i in
            """
            {"scenarioName": "k", "scenarioText": "k", "seed": \(i), "colosimVersion": "0.1.0", "digest": "d",
             "policy": "shared", "startedAt": "2026-11-30T12:00:00Z", "finishedAt": "2026-11-30T12:00:01Z",
             "series": {"gpu_utilization": [\(series)]},
             "latencyCDFs": [{"workload": "online", "slaTargetMs": 50, "points": [\(cdf)]}]}
            """
        }
        let json = try RunsCLIFixtures.write("[" + records.joined(separator: ",") + "]", "big.json", in: dir)
        let p = Process()
        p.executableURL = colosimExecutableURL()
        p.arguments = ["runs", "import-json", json, "--db", db, "--quiet"]
        try p.run()
        // Wait until some runs are in (the database exists), then kill.
        var waited = 0
        while !FileManager.default.fileExists(atPath: db) && waited < 400 && p.isRunning {
            usleep(10_000)
            waited += 1
        }
        usleep(100_000)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        // Killed, or finished cleanly before the kill — never an error exit.
        #expect(p.terminationReason == .uncaughtSignal || p.terminationStatus == 0)

        guard FileManager.default.fileExists(atPath: db) else { return } // killed before the first run
        let export = try runColosim(["runs", "export", "--db", db])
        #expect(export.exitCode == 0, "\(export.stderr)")
        let runs = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        for run in runs {
            let points = (run["series"] as? [String: [Any]])?["gpu_utilization"]?.count
            let cdfs = run["latencyCDFs"] as? [[String: Any]]
            #expect(points == 1000)
            #expect((cdfs?.first?["points"] as? [Any])?.count == 50)
        }
        // A re-run completes the import without duplicates.
        #expect(try runColosim(["runs", "import-json", json, "--db", db, "--quiet"]).exitCode == 0)
        let list = try runColosim(["runs", "list", "--json", "--db", db])
        let all = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])
        #expect(all.count == 40)
        print("killed import: \(runs.count) of 40 runs stored before SIGKILL, all complete")
    }
}
