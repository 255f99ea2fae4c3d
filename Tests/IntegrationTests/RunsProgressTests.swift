import Foundation
import Testing
import TestSupport
import ColosimCLI

@Suite struct RunsProgressTests {
    @Test(arguments: [
        // stdout tty, stderr tty, json, quiet, TERM → shown
        (true, true, false, false, "xterm-256color", true),
        (true, true, false, false, nil, true),
        (false, true, false, false, "xterm", false),   // stdout piped (| tee, > file)
        (true, false, false, false, "xterm", false),   // stderr redirected
        (true, true, true, false, "xterm", false),     // --json
        (true, true, false, true, "xterm", false),     // --quiet
        (true, true, false, false, "dumb", false),     // dumb terminal
    ] as [(Bool, Bool, Bool, Bool, String?, Bool)])
    func progressBarIsShownOnlyToAPersonAtATerminal(_ c: (Bool, Bool, Bool, Bool, String?, Bool)) {
        #expect(ProgressDecision.shouldShow(stdoutIsTerminal: c.0, stderrIsTerminal: c.1, json: c.2, quiet: c.3,
                                            term: c.4) == c.5)
    }

    @Test func barRendering() {
        let bar = ProgressBar(total: 200, label: "sweep", width: 10)
        #expect(bar.line(done: 0, elapsed: 0) == "sweep [..........]  0/200  0%")
        #expect(bar.line(done: 50, elapsed: 20) == "sweep [##........]  50/200  25%  eta 1m00s")
        #expect(bar.line(done: 199, elapsed: 10) == "sweep [#########.]  199/200  99%  eta 0s")
        #expect(bar.line(done: 250, elapsed: 10) == "sweep [##########]  200/200  100%")
        #expect(ProgressBar.duration(3725) == "1h02m")
        #expect(ProgressBar.duration(9.4) == "9s")
    }

    @Test func reporterRedrawsOnlyOnChangeAndNotWhenHidden() {
        final class Sink: @unchecked Sendable {
            let lock = NSLock()
            var writes: [String] = []
            func add(_ s: String) { lock.lock(); writes.append(s); lock.unlock() }
        }
        let sink = Sink()
        let shown = ProgressReporter(bar: ProgressBar(total: 1000, width: 10), show: true, write: { sink.add($0) })
        for _ in 0..<1000 { shown.advance() }
        shown.finish()
        // One redraw per percent 0…100 (101), the last being 100%, then the erase.
        #expect(sink.writes.count == 102)
        #expect(sink.writes[0].hasPrefix("\r[..........]  1/1000  0%"))
        #expect(sink.writes[100].hasPrefix("\r[##########]  1000/1000  100%"))
        #expect(sink.writes.last == "\r\u{1B}[K")

        let hiddenSink = Sink()
        let hidden = ProgressReporter(bar: ProgressBar(total: 10), show: false, write: { hiddenSink.add($0) })
        for _ in 0..<10 { hidden.advance() }
        hidden.finish()
        #expect(hiddenSink.writes.isEmpty)
    }

    @Test func pipedImportShowsNoProgressBar() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let recs = (0..<30).map { RunsCLIFixtures.record(seed: $0) }
        let json = try RunsCLIFixtures.write("[" + recs.joined(separator: ",") + "]", "runs.json", in: dir)
        let r = try runColosim(["runs", "import-json", json, "--db", dir.appendingPathComponent("r.sqlite").path])
        #expect(r.exitCode == 0)
        #expect(!r.stderr.contains("\r"))
        #expect(r.stdout == "30 stored, 0 skipped (already present) in \(dir.appendingPathComponent("r.sqlite").path)\n")
    }
}
