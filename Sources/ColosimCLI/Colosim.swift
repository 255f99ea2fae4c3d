import ArgumentParser
import Experiments
import ResultStore
import Simulator
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `colosim` root command.
public struct Colosim: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "colosim",
        abstract: "GPU co-location scheduling simulator and benchmark suite.",
        discussion: """
            Replays GPU workloads and traces through a discrete-event engine, a simulated GPU, \
            user-mode and kernel-mode isolation engines and a cluster scheduler.
            Exit codes: 0 success, 1 failure or regression, 2 bad input (flag, scenario or trace).
            """,
        version: ColosimVersion.string,
        subcommands: [RunCommand.self, CompareCommand.self, SweepCommand.self, PlanCommand.self, TuneCommand.self,
                      PlaceCommand.self, CalibrateCommand.self, TraceCommand.self, RunsCommand.self,
                      ReportCommand.self, BenchCommand.self, ImportCommand.self]
    )

    public init() {}

    /// Parses `arguments`, runs the command and returns the process exit code.
    ///
    /// Bad input of any kind (ArgumentParser validation, ``InputError``) exits with 2.
    public static func main(arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(joiningNegativeValues(arguments))
            try command.run()
            fflushStandardOutput()
            return 0
        } catch let error as InputError {
            writeStandardError("colosim: error: \(error.description)\n")
            return 2
        } catch let error as SimulationBudgetExceeded {
            fflushStandardOutput()
            writeStandardError("colosim: error: \(error.description)\n")
            return 2
        } catch let error as StoreError {
            // Every store problem is the user's to fix (a path, a file, permissions): exit 2.
            fflushStandardOutput()
            writeStandardError("colosim: error: \(error.description)\n")
            return 2
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                return 0
            }
            if !message.isEmpty { writeStandardError(message + "\n") }
            // Usage errors (bad flags or values) are bad input: exit 2 as the project promises.
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}

/// `--opt -5` as `--opt=-5`: ArgumentParser reads a value starting with `-` as a flag and would
/// say "Missing value for '--opt'"; joined, the option's own check reports the negative value.
public func joiningNegativeValues(_ arguments: [String]) -> [String] {
    var out: [String] = []
    out.reserveCapacity(arguments.count)
    for a in arguments {
        if let last = out.last, last.hasPrefix("--"), last.count > 2, !last.contains("="),
           a.count > 1, a.hasPrefix("-"), let c = a.dropFirst().first, c.isNumber || c == "." {
            out[out.count - 1] = last + "=" + a
        } else {
            out.append(a)
        }
    }
    return out
}

/// Writes `text` to standard error unbuffered.
public func writeStandardError(_ text: String) {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBytes { buf in
        var offset = 0
        while offset < buf.count {
            let n = write(2, buf.baseAddress.map { $0 + offset }, buf.count - offset)
            if n <= 0 { break }
            offset += n
        }
    }
}

/// Flushes buffered standard output (before exit or writing to standard error).
public func fflushStandardOutput() {
    _ = fflush(nil)
}
