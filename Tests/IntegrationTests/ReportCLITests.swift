import Foundation
import Testing
import TestSupport

@Suite struct ReportCLITests {
    @Test func reportsForARunAndASweep() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let db = dir.appendingPathComponent("r.sqlite").path
        let recs = ["dedicated", "shared", "tidal"].enumerated().map {
            RunsCLIFixtures.record(seed: $0.offset, policy: $0.element, sweep: "policies", point: $0.element,
                                   utilization: 0.2 + 0.15 * Double($0.offset))
        }
        let json = try RunsCLIFixtures.write("[" + recs.joined(separator: ",") + "]", "runs.json", in: dir)
        #expect(try runColosim(["runs", "import-json", json, "--db", db]).exitCode == 0)

        let html = dir.appendingPathComponent("sweep.html").path
        let md = dir.appendingPathComponent("sweep.md").path
        let r = try runColosim(["report", "policies", "--html", html, "--markdown", md, "--db", db])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("Chart.js v3.9.1"))           // library inlined: works offline
        #expect(page.contains("data-kind=\"latency\""))
        #expect(page.contains("\"label\":\"tidal\""))
        #expect(!page.contains("<script src="))
        let markdown = try String(contentsOfFile: md, encoding: .utf8)
        #expect(markdown.contains("| #3 tidal tidal | recsys-colocation | 2 |"))

        let single = dir.appendingPathComponent("run.md").path
        #expect(try runColosim(["report", "2", "--markdown", single, "--db", db]).exitCode == 0)
        #expect(try String(contentsOfFile: single, encoding: .utf8).hasPrefix("# recsys-colocation: run 2 (shared)"))

        let none = try runColosim(["report", "nope", "--html", html, "--db", db])
        #expect(none.exitCode == 2)
        #expect(none.stderr.contains("no run or sweep 'nope'"))
        let noOutput = try runColosim(["report", "1", "--db", db])
        #expect(noOutput.exitCode == 2)
    }

    @Test func unwritableReportPathExitsWith2AndLosesNothing() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let db = dir.appendingPathComponent("r.sqlite").path
        let json = try RunsCLIFixtures.write(RunsCLIFixtures.record(seed: 1), "run.json", in: dir)
        #expect(try runColosim(["runs", "import-json", json, "--db", db]).exitCode == 0)
        let html = dir.appendingPathComponent("report.html").path
        try Data("previous report".utf8).write(to: URL(fileURLWithPath: html))
        let blocker = dir.appendingPathComponent("not-a-folder")
        try Data().write(to: blocker)
        let dbBefore = RunsCLIFixtures.bytes(db)

        let r = try runColosim(["report", "1", "--html", html, "--markdown", blocker.appendingPathComponent("r.md").path,
                                "--db", db])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("not-a-folder/r.md: field '--markdown': cannot write the report"))
        #expect(try String(contentsOfFile: html, encoding: .utf8) == "previous report")
        #expect(RunsCLIFixtures.bytes(db) == dbBefore)
        #expect(try runColosim(["runs", "show", "1", "--db", db]).exitCode == 0)

        let dirTarget = try runColosim(["report", "1", "--html", dir.path, "--db", db])
        #expect(dirTarget.exitCode == 2)
        #expect(dirTarget.stderr.contains("is a directory"))
    }
}
