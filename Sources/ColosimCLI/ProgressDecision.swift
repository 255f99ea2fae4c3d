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

    /// Whether a long cluster `run` shows its progress line, and how: `COLOSIM_PROGRESS=1` forces
    /// one (a line every 10 s when standard error is not a terminal: logs, Slurm jobs),
    /// `COLOSIM_PROGRESS=0` or `--quiet` silences it; otherwise it is drawn when standard error is a
    /// terminal (JSON on standard output does not matter: the line goes to standard error).
    public static func progressLine(stderrIsTerminal: Bool, quiet: Bool, term: String?,
                                    setting: String?) -> (show: Bool, terminal: Bool) {
        let terminal = stderrIsTerminal && term != "dumb"
        if quiet || setting == "0" { return (false, terminal) }
        if setting == "1" { return (true, terminal) }
        return (terminal, terminal)
    }

    /// ``progressLine(stderrIsTerminal:quiet:term:setting:)`` for this process.
    public static func progressLine(quiet: Bool) -> (show: Bool, terminal: Bool) {
        let env = { (k: String) in getenv(k).map { String(cString: $0) } }
        return progressLine(stderrIsTerminal: isatty(2) == 1, quiet: quiet, term: env("TERM"),
                            setting: env("COLOSIM_PROGRESS"))
    }
}
