#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Saves the input being run when the process dies of a trap (SIGILL, SIGTRAP, SIGABRT, SIGSEGV,
/// SIGBUS, SIGFPE) or overruns its time budget (SIGALRM): the signal handler writes the input to a
/// file prepared in advance, says which, and exits with 70 (crash) or 71 (hang).
///
/// Async-signal-safe: the handler only calls `open`, `write` and `_exit` on memory set up before.
public enum CrashGuard {
    nonisolated(unsafe) static var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)
    nonisolated(unsafe) static var length = 0
    nonisolated(unsafe) static var crashPath: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var hangPath: UnsafeMutablePointer<CChar>?

    /// Installs the handlers; crashes are written to `crashFile`, hangs to `hangFile`.
    public static func install(crashFile: String, hangFile: String) {
        crashPath = strdup(crashFile)
        hangPath = strdup(hangFile)
        for s in [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE] {
            signal(s) { _ in CrashGuard.dump(CrashGuard.crashPath, code: 70) }
        }
        signal(SIGALRM) { _ in CrashGuard.dump(CrashGuard.hangPath, code: 71) }
    }

    /// Records `input` as the one being run and arms the hang alarm (`seconds`; 0 disarms).
    public static func begin(_ input: [UInt8], hangSeconds: UInt32) {
        let n = min(input.count, buffer.count)
        input.withUnsafeBytes { src in
            if let s = src.baseAddress, let d = buffer.baseAddress { memcpy(d, s, n) }
        }
        length = n
        alarm(hangSeconds)
    }

    /// Disarms the hang alarm after an input returned.
    public static func end() { alarm(0) }

    static func dump(_ path: UnsafeMutablePointer<CChar>?, code: Int32) -> Never {
        if let path {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if fd >= 0, let base = buffer.baseAddress {
                _ = write(fd, base, length)
                close(fd)
            }
            let note = code == 70 ? "colosim-fuzz: CRASH, input saved to " : "colosim-fuzz: HANG, input saved to "
            _ = note.withCString { write(2, $0, strlen($0)) }
            _ = write(2, path, strlen(path))
            _ = write(2, "\n", 1)
        }
        _exit(code)
    }
}
