#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a command draws a progress bar.
///
/// A bar is drawn only for a person watching a terminal: both standard output and standard error
/// are terminals (so `colosim … | tee`, `> file` and CI logs get none), the output is not JSON,
/// `--quiet` is not given, and `TERM` is not `dumb`.
public enum ProgressDecision {
    /// The pure decision.
    public static func shouldShow(stdoutIsTerminal: Bool, stderrIsTerminal: Bool, json: Bool, quiet: Bool,
                                  term: String?) -> Bool {
        stdoutIsTerminal && stderrIsTerminal && !json && !quiet && term != "dumb"
    }

    /// The decision for this process (reads `isatty` and `TERM`).
    public static func shouldShow(json: Bool, quiet: Bool) -> Bool {
        let term = getenv("TERM").map { String(cString: $0) }
        return shouldShow(stdoutIsTerminal: isatty(1) == 1, stderrIsTerminal: isatty(2) == 1,
                          json: json, quiet: quiet, term: term)
    }
}
