import ArgumentParser
import Experiments
import Foundation
import Workload

/// `colosim trace`: validate and summarize workload traces, and write synthetic utilization traces.
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Check workload traces, write synthetic utilization samples, export run timelines (Chrome trace).",
        discussion: "Formats and columns: docs/traces.md. A malformed trace exits with code 2 and names file, line and column.",
        subcommands: [Check.self, Sample.self, TraceExportCommand.self])

    /// `colosim trace check FILE --format F [--json]`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate a trace (every row) and print rows, time span and its key figures.",
            discussion: "Files ending in .gz are decompressed on the fly with the system's gzip.")

        @Argument(help: "Trace file (CSV, or CSV.gz).")
        var file: String

        @Option(help: "Trace format: \(TraceFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: String

        @Flag(help: "Print the summary as JSON.")
        var json = false

        func run() throws {
            guard let traceFormat = TraceFormat(rawValue: format) else {
                throw InputError(field: "--format",
                                 "unknown trace format '\(format)' (expected one of \(TraceFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let summary = try TraceCommand.withInput(file) { try TraceSummary.check($0, format: traceFormat) }
            print(json ? TraceCommand.json(summary) : TraceCommand.text(summary), terminator: "")
        }
    }

    /// `colosim trace sample`: a synthetic or trace-shaped utilization series as generic CSV.
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample",
            abstract: "Write a utilization series (time_s,util) from an archetype or the GenAI duty-cycle trace.",
            discussion: "Archetypes: \(UtilizationArchetype.names.joined(separator: ", ")). The output is a generic trace (docs/traces.md).")

        @Option(help: "Synthetic archetype: \(UtilizationArchetype.names.joined(separator: ", ")).")
        var archetype: String?

        @Option(help: "Shape from this GenAI pod_gpu_duty_cycle CSV instead of an archetype (needs --mean).")
        var genai: String?

        @Option(help: "Instance number (picks the GenAI pod and rotation).")
        var instance = 0

        @Option(help: "Scale to this mean utilization (0..1).")
        var mean: Double?

        @Option(help: "Random seed.")
        var seed: UInt64 = 42

        @Option(help: "Length, seconds (archetypes).")
        var duration: Double = 86_400

        @Option(help: "Sampling step, seconds (archetypes).")
        var step: Double = 60

        func run() throws {
            guard (archetype == nil) != (genai == nil) else {
                throw InputError(field: "--archetype", "give exactly one of --archetype or --genai")
            }
            if let mean, !(mean > 0 && mean < 1) {
                throw InputError(field: "--mean", "must be in (0, 1), got \(mean)")
            }
            var series: TimeSeries
            if let name = archetype {
                guard let a = UtilizationArchetype(name: name) else {
                    throw InputError(field: "--archetype",
                                     "unknown archetype '\(name)' (expected one of \(UtilizationArchetype.names.joined(separator: ", ")))")
                }
                guard duration > 0, duration <= 366 * 86_400 else { throw InputError(field: "--duration", "must be in (0, 1 year], got \(duration)") }
                guard step > 0, duration / step <= 10_000_000 else { throw InputError(field: "--step", "must be > 0 and give at most 10^7 samples, got \(step)") }
                series = a.generate(seed: seed, duration: duration, step: step)
                if let mean {
                    guard let scaled = DutyCycleShaper.scaled(series, toMean: mean) else {
                        throw InputError(field: "--mean", "archetype \(name) cannot be scaled to mean \(mean)")
                    }
                    series = scaled
                }
            } else {
                guard let path = genai, let mean else { throw InputError(field: "--mean", "--genai needs --mean") }
                guard instance >= 0 else { throw InputError(field: "--instance", "must be ≥ 0") }
                let trace = try TraceCommand.withInput(path) { try DutyCycleTrace.read($0) }
                series = try TraceCommand.mapped { try DutyCycleShaper(trace: trace).profile(instance: instance, targetMean: mean, seed: seed) }
            }
            var out = "time_s,util\n"
            for i in series.values.indices {
                out += "\(TraceCommand.number(series.times[i])),\(TraceCommand.number(series.values[i]))\n"
            }
            print(out, terminator: "")
        }
    }

    /// Opens `path` (through `gzip -dc` when it ends in `.gz`), runs `body` and maps
    /// ``TraceError`` to ``InputError`` (exit code 2).
    static func withInput<T>(_ path: String, _ body: (TraceInput) throws -> T) throws -> T {
        guard path.hasSuffix(".gz") else {
            return try mapped { try body(try TraceInput.file(path)) }
        }
        guard let probe = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: path, "no such file or not readable")
        }
        let magic = [UInt8]((try? probe.read(upToCount: 2)) ?? Data())
        try? probe.close()
        guard magic == [0x1F, 0x8B] else {
            throw InputError(file: path, "not a gzip file (name ends in .gz but the gzip magic bytes 1f 8b are missing)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw InputError(file: path, "cannot start gzip to decompress: \(error)") }
        let result: T
        do {
            result = try mapped { try body(TraceInput.handle(out.fileHandleForReading, name: path)) }
        } catch {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            // gzip failing on its own (not our terminate) explains the bad stream better than the parse error.
            if process.terminationReason == .exit, process.terminationStatus != 0 {
                throw InputError(file: path, "gzip could not decompress the file (exit \(process.terminationStatus))")
            }
            throw error
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw InputError(file: path, "gzip could not decompress the file (exit \(process.terminationStatus))")
        }
        return result
    }

    /// Runs `body`, turning a ``TraceError`` into an ``InputError`` with the same file, line and column.
    static func mapped<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as TraceError {
            var message = e.message
            if let column = e.column { message = "column \(column): " + message }
            throw InputError(file: e.file, line: e.line, field: e.columnName, message)
        }
    }

    /// A number for output: integers without a fraction, others in Swift's shortest round-trip form.
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    /// The summary as `key: value` lines.
    static func text(_ s: TraceSummary) -> String {
        var out = "file: \(s.file)\nformat: \(s.format.rawValue)\nrows: \(s.rows)\n"
        if let span = s.timeSpan, let start = s.start, let end = s.end {
            out += "time_span_s: \(number(span)) (\(String(format: "%.2f", span / 3600)) h)\nstart_s: \(number(start))\nend_s: \(number(end))\n"
        }
        for m in s.metrics { out += "\(m.name): \(number(m.value))\n" }
        return out
    }

    /// The summary as one JSON object: file, format, rows, time_span_s, start_s, end_s
    /// (null when the trace has no time axis) and the format's metrics, in a fixed order.
    static func json(_ s: TraceSummary) -> String {
        func string(_ x: String) -> String {
            var r = "\""
            for u in x.unicodeScalars {
                switch u {
                case "\"": r += "\\\""
                case "\\": r += "\\\\"
                case "\n": r += "\\n"
                default: r += u.value < 0x20 ? String(format: "\\u%04x", u.value) : String(u)
                }
            }
            return r + "\""
        }
        var fields = ["\"file\": \(string(s.file))", "\"format\": \(string(s.format.rawValue))", "\"rows\": \(s.rows)"]
        fields.append("\"time_span_s\": \(s.timeSpan.map(number) ?? "null")")
        fields.append("\"start_s\": \(s.start.map(number) ?? "null")")
        fields.append("\"end_s\": \(s.end.map(number) ?? "null")")
        for m in s.metrics { fields.append("\(string(m.name)): \(number(m.value))") }
        return "{" + fields.joined(separator: ", ") + "}\n"
    }
}
