import Foundation
import Simulator

/// The progress line of a long cluster run on standard error (the imperative shell around
/// ``ClusterProgress``): simulated time, wall time, ETA, states evaluated and the cache hit rate.
///
/// Nothing is written during the first `delay` seconds, so short runs stay silent. On a terminal the
/// line is redrawn in place at most every `interval` seconds (default 0.25) and erased at the end; in
/// a log (a file, a Slurm job) a full line is written every `interval` seconds (default 10) instead.
/// Thread-safe.
public final class ClusterProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = ContinuousClock.now
    private var lastDraw: Double = -.infinity
    private var drawn = false
    private let terminal: Bool
    private let delay: Double
    private let interval: Double
    private let write: @Sendable (String) -> Void

    /// A line written through `write`; `terminal` redraws in place, otherwise one line per update.
    public init(terminal: Bool, delay: Double = 2, interval: Double? = nil,
                write: @escaping @Sendable (String) -> Void = { writeStandardError($0) }) {
        self.terminal = terminal
        self.delay = delay
        self.interval = interval ?? (terminal ? 0.25 : 10)
        self.write = write
    }

    /// The line for `p` after `elapsed` wall seconds, e.g.
    /// `run: 06:00:00 of 1d 00:00:00 simulated (25.0%), 2s wall, eta 6s, 812 states evaluated, hit rate 91.0%`.
    public static func line(_ p: ClusterProgress, elapsed: Double) -> String {
        var s = "run: \(clock(p.simulatedSeconds)) of \(clock(p.durationSeconds)) simulated ("
            + String(format: "%.1f", p.fraction * 100) + "%), " + ProgressBar.duration(max(0, elapsed)) + " wall"
        let f = p.fraction
        if f > 0, f < 1, elapsed.isFinite, elapsed > 0 {
            s += ", eta " + ProgressBar.duration(min(elapsed * (1 - f) / f, 1e7))
        }
        s += ", \(p.statesEvaluated) states evaluated"
        if let h = p.hitRate { s += ", hit rate " + String(format: "%.1f", h * 100) + "%" }
        return s
    }

    /// `5400` → `01:30:00`, `90061` → `1d 01:01:01` (whole seconds, clamped to 0…10^9).
    public static func clock(_ seconds: Double) -> String {
        let v = seconds.isFinite ? min(max(0, seconds), 1e9) : 0
        let t = Int(v.rounded(.down))
        let hms = pad(t % 86_400 / 3600) + ":" + pad(t % 3600 / 60) + ":" + pad(t % 60)
        return t >= 86_400 ? "\(t / 86_400)d " + hms : hms
    }

    private static func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// Records where the run stands; draws when due.
    public func update(_ p: ClusterProgress) {
        let e = ContinuousClock.now - start
        let elapsed = Double(e.components.seconds) + Double(e.components.attoseconds) / 1e18
        lock.lock()
        defer { lock.unlock() }
        guard elapsed >= delay, elapsed - lastDraw >= interval else { return }
        lastDraw = elapsed
        let text = Self.line(p, elapsed: elapsed)
        if terminal {
            write("\r" + text + "\u{1B}[K")
            drawn = true
        } else {
            write(text + "\n")
        }
    }

    /// Erases a drawn line so ordinary output follows on a clean line.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if terminal && drawn { write("\r\u{1B}[K") }
        drawn = false
    }
}
