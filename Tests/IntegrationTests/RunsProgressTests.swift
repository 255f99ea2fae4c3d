import Foundation
import Testing
import TestSupport
import ColosimCLI
import Simulator

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

    @Test(arguments: [
        // stderr tty, quiet, TERM, COLOSIM_PROGRESS → (shown, drawn in place)
        (true, false, "xterm", nil, true, true),
        (false, false, "xterm", nil, false, false),   // a log: silent unless forced
        (false, false, nil, "1", true, false),        // forced in a log: full lines
        (true, true, "xterm", "1", false, true),      // --quiet wins
        (true, false, "xterm", "0", false, true),
        (true, false, "dumb", nil, false, false),
    ] as [(Bool, Bool, String?, String?, Bool, Bool)])
    func clusterRunProgressLineDecision(_ c: (Bool, Bool, String?, String?, Bool, Bool)) {
        let d = ProgressDecision.progressLine(stderrIsTerminal: c.0, quiet: c.1, term: c.2, setting: c.3)
        #expect(d.show == c.4 && d.terminal == c.5)
    }

    @Test func clusterRunProgressLineRendering() {
        let p = ClusterProgress(simulatedSeconds: 21_600, durationSeconds: 86_400, statesEvaluated: 812,
                                lookups: 1000, hits: 910)
        #expect(ClusterProgressLine.line(p, elapsed: 2.5)
                == "run: 06:00:00 of 1d 00:00:00 simulated (25.0%), 3s wall, eta 8s, 812 states evaluated, hit rate 91.0%")
        let done = ClusterProgress(simulatedSeconds: 604_800, durationSeconds: 604_800, statesEvaluated: 3,
                                   lookups: 0, hits: 0)
        #expect(ClusterProgressLine.line(done, elapsed: 65) == "run: 7d 00:00:00 of 7d 00:00:00 simulated (100.0%), 1m05s wall, 3 states evaluated")
        #expect(ClusterProgressLine.clock(.nan) == "00:00:00" && ClusterProgressLine.clock(-5) == "00:00:00")
        #expect(ClusterProgressLine.clock(90_061) == "1d 01:01:01")
    }

    @Test func clusterRunProgressLineWaitsThenWritesLogLines() {
        final class Sink: @unchecked Sendable {
            let lock = NSLock()
            var writes: [String] = []
            func add(_ s: String) { lock.lock(); writes.append(s); lock.unlock() }
        }
        let p = ClusterProgress(simulatedSeconds: 10, durationSeconds: 100, statesEvaluated: 1, lookups: 1, hits: 0)
        let quietStart = Sink()
        let patient = ClusterProgressLine(terminal: false, delay: 3600, write: { quietStart.add($0) })
        patient.update(p)
        patient.finish()
        #expect(quietStart.writes.isEmpty)
        let log = Sink()
        let eager = ClusterProgressLine(terminal: false, delay: 0, interval: 0, write: { log.add($0) })
        eager.update(p)
        eager.update(p)
        eager.finish()
        #expect(log.writes.count == 2 && log.writes.allSatisfy { $0.hasPrefix("run: 00:00:10 of 00:01:40") && $0.hasSuffix("\n") })
        let tty = Sink()
        let drawn = ClusterProgressLine(terminal: true, delay: 0, interval: 0, write: { tty.add($0) })
        drawn.update(p)
        drawn.finish()
        #expect(tty.writes.count == 2 && tty.writes[0].hasPrefix("\r") && tty.writes[1] == "\r\u{1B}[K")
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
