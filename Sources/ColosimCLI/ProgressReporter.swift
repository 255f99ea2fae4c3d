import Foundation

/// Draws a ``ProgressBar`` on standard error with carriage returns (the imperative shell around it).
///
/// Redraws only when the line changes (at most `width` + 1 times over a run); does nothing when
/// `show` is false. Thread-safe, so parallel workers may call ``advance(by:)``.
public struct ProgressReporter: Sendable {
    final class State: @unchecked Sendable {
        let lock = NSLock()
        var done = 0
        var lastFilled = -1
        var lastPercent = -1
        var drawn = false
    }

    let bar: ProgressBar
    let show: Bool
    let start: ContinuousClock.Instant
    let state = State()
    let write: @Sendable (String) -> Void

    /// A reporter writing to standard error.
    public static func standardError(total: Int, label: String, show: Bool) -> ProgressReporter {
        ProgressReporter(bar: ProgressBar(total: total, label: label), show: show, write: { writeStandardError($0) })
    }

    /// A reporter writing through `write`.
    public init(bar: ProgressBar, show: Bool, write: @escaping @Sendable (String) -> Void) {
        self.bar = bar
        self.show = show
        self.start = ContinuousClock.now
        self.write = write
    }

    /// Records `n` more units done and redraws if the bar or percentage changed.
    public func advance(by n: Int = 1) {
        guard show else { return }
        state.lock.lock()
        defer { state.lock.unlock() }
        state.done += n
        let f = bar.filled(state.done)
        let pct = min(state.done, bar.total) * 100 / bar.total
        guard f != state.lastFilled || pct != state.lastPercent else { return }
        state.lastFilled = f
        state.lastPercent = pct
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        write("\r" + bar.line(done: state.done, elapsed: seconds) + "\u{1B}[K")
        state.drawn = true
    }

    /// Erases the bar so ordinary output can follow on a clean line (it is redrawn on the next advance).
    public func clear() {
        guard show else { return }
        state.lock.lock()
        defer { state.lock.unlock() }
        if state.drawn { write("\r\u{1B}[K") }
        state.drawn = false
        state.lastFilled = -1
        state.lastPercent = -1
    }

    /// Erases the bar at the end of the work.
    public func finish() { clear() }
}
