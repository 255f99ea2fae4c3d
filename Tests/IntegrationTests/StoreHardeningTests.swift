import Foundation
import Testing
import TestSupport

/// The results store under concurrent first use and against unusable files (issue 14).
@Suite(.serialized) struct StoreHardeningTests {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("colosim-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    @Test func tenRoundsOfFourConcurrentRunsOnANewFileStoreAllFortyRuns() async throws {
        var stored = 0
        for round in 0..<10 {
            let db = dir.appendingPathComponent("round-\(round).sqlite").path
            let results = try await withThrowingTaskGroup(of: ColosimResult.self) { group in
                for i in 0..<4 {
                    group.addTask {
                        try runColosim(["run", "scenarios/v100-limiter-lone.yaml", "--seed", "\(i + 1)", "--db", db])
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for r in results { #expect(r.exitCode == 0, "round \(round): \(r.stderr)") }
            let list = try runColosim(["runs", "list", "--db", db, "--json"])
            #expect(list.exitCode == 0)
            let n = list.stdout.components(separatedBy: "\"digest\"").count - 1
            #expect(n == 4, "round \(round) stored \(n) runs")
            stored += n
        }
        #expect(stored == 40)
    }

    @Test func unusableDatabasePathsExitTwoWithASentence() throws {
        let cases: [(String, String)] = [(dir.path, "is a directory"), ("", "needs a file name"),
                                         ("/dev/null", "not a regular file"), ("/no/such/dir/x.sqlite", "does not exist")]
        for (db, sentence) in cases {
            let r = try runColosim(["run", "scenarios/v100-limiter-lone.yaml", "--db", db])
            #expect(r.exitCode == 2, "\(db): \(r.stderr)")
            #expect(r.stderr.contains(sentence), "\(db): \(r.stderr)")
            #expect(!r.stderr.contains("SQLite error"), "\(db): \(r.stderr)")
        }
    }

    @Test func aDamagedSchemaIsReportedNotDumped() throws {
        let db = dir.appendingPathComponent("damaged.sqlite").path
        #expect(try runColosim(["run", "scenarios/v100-limiter-lone.yaml", "--db", db]).exitCode == 0)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [db, "DROP TABLE summary_metrics"]
        guard (try? sqlite.run()) != nil else { return }  // no sqlite3 CLI: nothing to damage with
        sqlite.waitUntilExit()
        let r = try runColosim(["runs", "list", "--db", db])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("schema in this file is damaged"), "\(r.stderr)")
    }

    @Test func readOnlyCommandsNeverWriteASchemaIntoAnEmptyFile() throws {
        let db = dir.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: db, contents: Data())
        let r = try runColosim(["runs", "list", "--db", db])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let size = try FileManager.default.attributesOfItem(atPath: db)[.size] as? NSNumber
        #expect(size?.intValue == 0)
    }

    /// A results file its user cannot write (another user's, a read-only copy) can still be listed.
    /// Needs a second user: runs as root through `runuser -u nobody`, otherwise checks nothing.
    @Test func aReadOnlyDatabaseCanBeListed() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else { return }
        let folder = dir.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("ro.sqlite").path
        #expect(try runColosim(["run", "scenarios/v100-limiter-lone.yaml", "--db", db]).exitCode == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        p.arguments = ["-u", "nobody", "--", colosimExecutableURL().path, "runs", "list", "--db", db]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.contains("v100-limiter-lone"), "\(text)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }
}
