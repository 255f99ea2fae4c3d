import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct SweepCLITests {
    func export(_ db: String) throws -> String {
        let r = try runColosim(["runs", "export", "--csv", "--sort", "key", "--db", db])
        #expect(r.exitCode == 0, "\(r.stderr)")
        return SweepCLIFixtures.comparableCSV(r.stdout)
    }

    func runCount(_ db: String) -> Int {
        guard let r = try? runColosim(["runs", "list", "--json", "--db", db]), r.exitCode == 0,
              let a = try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [Any] else { return 0 }
        return a.count
    }

    /// 20 points with 1 and 2 workers store identical results; a re-run skips every point; two shards
    /// merged equal the unsharded sweep exactly (CSV export by run key, ids and wall-clock times aside).
    @Test func parallelShardedAndResumedSweepsAgree() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let sweep = try RunsCLIFixtures.write(SweepCLIFixtures.sweep(), "grid.yaml", in: dir)
        let one = dir.appendingPathComponent("one.sqlite").path
        let two = dir.appendingPathComponent("two.sqlite").path
        let r1 = try runColosim(["sweep", sweep, "--jobs", "1", "--db", one, "--json"])
        #expect(r1.exitCode == 0, "\(r1.stderr)")
        let r2 = try runColosim(["sweep", sweep, "--jobs", "2", "--db", two, "--json"])
        #expect(r2.exitCode == 0, "\(r2.stderr)")
        let j1 = SweepCLIFixtures.object(r1.stdout), j2 = SweepCLIFixtures.object(r2.stdout)
        #expect(j1["ran"] as? Int == 20 && j2["ran"] as? Int == 20)
        #expect(j2["jobs"] as? Int == 2)
        print("sweep wall time: --jobs 1 \(j1["wall_s"] ?? "?") s, --jobs 2 \(j2["wall_s"] ?? "?") s")
        let unsharded = try export(one)
        #expect(unsharded.split(separator: "\n").count == 21)
        // Twenty distinct points with twenty distinct digests (the grid really varies the runs).
        let rows = unsharded.split(separator: "\n").dropFirst()
        #expect(Set(rows.map { $0.split(separator: "\u{1F}").dropFirst(5).first ?? "" }).count == 20)
        #expect(try export(two) == unsharded)

        // Re-running finds every point stored.
        let again = SweepCLIFixtures.object(try runColosim(["sweep", sweep, "--db", two, "--json"]).stdout)
        #expect(again["ran"] as? Int == 0 && again["skipped"] as? Int == 20)
        #expect(runCount(two) == 20)

        // Shards 0/2 and 1/2 into separate files, merged.
        let a = dir.appendingPathComponent("a.sqlite").path, b = dir.appendingPathComponent("b.sqlite").path
        let merged = dir.appendingPathComponent("m.sqlite").path
        let sa = SweepCLIFixtures.object(try runColosim(["sweep", sweep, "--shard", "0/2", "--db", a, "--json"]).stdout)
        let sb = SweepCLIFixtures.object(try runColosim(["sweep", sweep, "--shard", "1/2", "--db", b, "--json"]).stdout)
        #expect(sa["ran"] as? Int == 10 && sb["ran"] as? Int == 10)
        #expect(try runColosim(["runs", "merge", a, b, "--db", merged]).exitCode == 0)
        #expect(try export(merged) == unsharded)
    }

    /// SIGKILL half way: the re-run runs only the missing points; the result equals an uninterrupted sweep
    /// (no duplicate and no partial rows).
    @Test func survivesSIGKILLHalfWay() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let sweep = try RunsCLIFixtures.write(SweepCLIFixtures.sweep(duration: 1.0, name: "killed"), "grid.yaml", in: dir)
        let db = dir.appendingPathComponent("k.sqlite").path
        let process = Process()
        process.executableURL = colosimExecutableURL()
        process.arguments = ["sweep", sweep, "--jobs", "1", "--db", db, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var stored = 0
        let deadline = Date().addingTimeInterval(120)
        while stored < 5, Date() < deadline, process.isRunning {
            usleep(100_000)
            stored = runCount(db)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let before = runCount(db)
        #expect(before >= 5 && before < 20, "killed after \(before) points")
        let resumed = SweepCLIFixtures.object(try runColosim(["sweep", sweep, "--jobs", "2", "--db", db, "--json"]).stdout)
        #expect(resumed["skipped"] as? Int == before)
        #expect(resumed["ran"] as? Int == 20 - before)
        #expect(runCount(db) == 20)
        // Oracle: the same sweep uninterrupted.
        let clean = dir.appendingPathComponent("clean.sqlite").path
        #expect(try runColosim(["sweep", sweep, "--jobs", "2", "--db", clean]).exitCode == 0)
        #expect(try export(db) == export(clean))
    }

    @Test func badSweepFilesAndFlagsExitTwo() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let db = dir.appendingPathComponent("e.sqlite").path
        let typo = try RunsCLIFixtures.write(SweepCLIFixtures.sweep().replacingOccurrences(of: "grid:", with: "gird:"), "typo.yaml", in: dir)
        let r = try runColosim(["sweep", typo, "--db", db])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("typo.yaml:6: field 'gird'"), "\(r.stderr)")
        let badSeed = try RunsCLIFixtures.write(SweepCLIFixtures.sweep().replacingOccurrences(of: "seed: [1, 2]", with: "seed: [1, x]"), "seed.yaml", in: dir)
        let s = try runColosim(["sweep", badSeed, "--db", db])
        #expect(s.exitCode == 2)
        #expect(s.stderr.contains("seed.yaml:9: field 'grid.seed'"), "\(s.stderr)")
        let badPath = try RunsCLIFixtures.write(SweepCLIFixtures.sweep().replacingOccurrences(of: "containers.offline.weight", with: "containers.nobody.weight"), "path.yaml", in: dir)
        let p = try runColosim(["sweep", badPath, "--db", db])
        #expect(p.exitCode == 2)
        #expect(p.stderr.contains("nobody"))
        let good = try RunsCLIFixtures.write(SweepCLIFixtures.sweep(), "good.yaml", in: dir)
        #expect(try runColosim(["sweep", good, "--shard", "2/2", "--db", db]).exitCode == 2)
        #expect(try runColosim(["sweep", good, "--shard", "x", "--db", db]).exitCode == 2)
        #expect(try runColosim(["sweep", good, "--jobs", "0", "--db", db]).exitCode == 2)
        #expect(try runColosim(["sweep", dir.appendingPathComponent("none.yaml").path, "--db", db]).exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
