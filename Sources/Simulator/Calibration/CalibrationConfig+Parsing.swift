import Foundation
import SimEngine

/// A malformed line of a calibration file: `line` (1-based) and `field` name the problem.
public struct CalibrationParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// Offending field (nil: the line as a whole).
    public var field: String?
    /// What is wrong.
    public var message: String

    public var description: String { "line \(line): " + (field.map { "field '\($0)': " } ?? "") + message }
}

extension CalibrationConfig {
    /// Parses a `*.configs.jsonl` text: one JSON object per non-empty line.
    public static func parseLines(_ text: String) throws -> [CalibrationConfig] {
        var out: [CalibrationConfig] = []
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            out.append(try parse(line: line, number: lineNo))
        }
        if out.isEmpty { throw CalibrationParseError(line: max(1, lineNo), field: nil, message: "no configurations in file") }
        return out
    }

    private struct RawLS: Decodable {
        var n: Double
        var mean_us: Double
        var p50_us: Double
        var p99_us: Double
    }

    private struct Raw: Decodable {
        var config: String
        var sharing: String
        var ls_rate_per_s: Double
        var ls_kernel_us: Double?
        var be_kernel_ms: Double?
        var be_block_us: Double?
        var seconds: Double
        var ls_in_flight: Double
        var be_in_flight: Double
        var sms: Double
        var blocks_per_sm: Double
        var ls: RawLS?
        var be_kernels_per_s: Double?
    }

    /// Parses one JSON line.
    public static func parse(line: String, number: Int) throws -> CalibrationConfig {
        func fail(_ field: String?, _ msg: String) -> CalibrationParseError {
            CalibrationParseError(line: number, field: field, message: msg)
        }
        func path(_ keys: [any CodingKey]) -> String? {
            keys.isEmpty ? nil : keys.map(\.stringValue).joined(separator: ".")
        }
        let r: Raw
        do {
            r = try JSONDecoder().decode(Raw.self, from: Data(line.utf8))
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw fail(path(ctx.codingPath + [key]), "missing")
        } catch let DecodingError.valueNotFound(_, ctx) {
            throw fail(path(ctx.codingPath), "must not be null")
        } catch let DecodingError.typeMismatch(type, ctx) {
            throw fail(path(ctx.codingPath), "expected \(type == String.self ? "a string" : type == Double.self ? "a number" : "an object")")
        } catch let DecodingError.dataCorrupted(ctx) {
            throw fail(path(ctx.codingPath), ctx.codingPath.isEmpty ? "not a valid JSON object" : "invalid value")
        } catch {
            throw fail(nil, "not a valid JSON object")
        }
        func int(_ v: Double, _ k: String, min lo: Int, max hi: Int = InputLimits.maxCount) throws -> Int {
            guard v.isFinite, v == v.rounded(), v >= Double(lo), v <= Double(hi) else {
                throw fail(k, "expected an integer from \(lo) to \(hi), got \(CheckedNumber.format(v))")
            }
            do { return try CheckedNumber.int(v) } catch { throw fail(k, error.message) }
        }
        // Every number within the limit of its unit (docs/limits.md), before anything converts it.
        let ranged: [(String, Double?)] = [
            ("ls_rate_per_s", r.ls_rate_per_s), ("ls_kernel_us", r.ls_kernel_us), ("be_kernel_ms", r.be_kernel_ms),
            ("be_block_us", r.be_block_us), ("seconds", r.seconds), ("be_kernels_per_s", r.be_kernels_per_s),
            ("ls.mean_us", r.ls?.mean_us), ("ls.p50_us", r.ls?.p50_us), ("ls.p99_us", r.ls?.p99_us),
        ]
        for (k, v) in ranged {
            if let v, let problem = InputLimits.rule(forKey: k).problem(v) { throw fail(k, problem) }
        }
        func finite(_ v: Double?, _ k: String) throws {
            if let v, !v.isFinite { throw fail(k, "must be finite") }
        }
        guard !r.config.isEmpty else { throw fail("config", "must not be empty") }
        guard let sharing = Sharing(rawValue: r.sharing) else {
            throw fail("sharing", "expected one of solo, procs, streams, prio; got '\(r.sharing)'")
        }
        let rate = r.ls_rate_per_s
        guard rate >= 0, rate.isFinite else { throw fail("ls_rate_per_s", "must be >= 0, got \(rate)") }
        if let v = r.ls_kernel_us, !(v > 0) { throw fail("ls_kernel_us", "must be > 0, got \(v)") }
        if rate > 0 && r.ls_kernel_us == nil { throw fail("ls_kernel_us", "required when ls_rate_per_s > 0") }
        if let v = r.be_kernel_ms, !(v > 0) { throw fail("be_kernel_ms", "must be > 0, got \(v)") }
        if let v = r.be_block_us, !(v > 0) { throw fail("be_block_us", "must be > 0, got \(v)") }
        if r.be_kernel_ms != nil && r.be_block_us == nil { throw fail("be_block_us", "required when be_kernel_ms is set") }
        guard r.seconds > 0, r.seconds.isFinite else { throw fail("seconds", "must be > 0, got \(r.seconds)") }
        let lsInFlight = try int(r.ls_in_flight, "ls_in_flight", min: 1, max: InputLimits.maxInFlight)
        let beInFlight = try int(r.be_in_flight, "be_in_flight", min: 1, max: InputLimits.maxInFlight)
        let sms = try int(r.sms, "sms", min: 1, max: 100_000)
        let bps = try int(r.blocks_per_sm, "blocks_per_sm", min: 1, max: 100_000)
        if let ms = r.be_kernel_ms, let us = r.be_block_us, Double(sms * bps) * (ms * 1000 / us) > Double(InputLimits.maxCount) {
            throw fail("be_block_us", "be_kernel_ms / be_block_us × sms × blocks_per_sm gives more than \(InputLimits.maxCount) blocks per kernel (colosim's limit, docs/limits.md)")
        }
        try finite(r.ls_kernel_us, "ls_kernel_us")
        try finite(r.be_kernel_ms, "be_kernel_ms")
        try finite(r.be_block_us, "be_block_us")
        if !(rate > 0) && r.be_kernel_ms == nil { throw fail("ls_rate_per_s", "configuration has neither LS nor BE") }
        if sharing != .solo && (rate == 0 || r.be_kernel_ms == nil) {
            throw fail("sharing", "'\(r.sharing)' needs both an LS rate and a BE kernel")
        }
        var ls: LSMeasurement?
        if let o = r.ls {
            for (k, v) in [("ls.mean_us", o.mean_us), ("ls.p50_us", o.p50_us), ("ls.p99_us", o.p99_us)] where !(v >= 0) {
                throw fail(k, "must be >= 0, got \(v)")
            }
            ls = LSMeasurement(n: try int(o.n, "ls.n", min: 0), meanUs: o.mean_us, p50Us: o.p50_us, p99Us: o.p99_us)
        }
        if rate > 0 && ls == nil { throw fail("ls", "measured LS latency required when ls_rate_per_s > 0") }
        if let v = r.be_kernels_per_s, !(v >= 0) { throw fail("be_kernels_per_s", "must be >= 0, got \(v)") }
        if r.be_kernel_ms != nil && r.be_kernels_per_s == nil {
            throw fail("be_kernels_per_s", "measured BE throughput required when be_kernel_ms is set")
        }
        return CalibrationConfig(name: r.config, sharing: sharing, lsRatePerSecond: rate, lsKernelUs: r.ls_kernel_us,
                                 beKernelMs: r.be_kernel_ms, beBlockUs: r.be_block_us, seconds: r.seconds,
                                 lsInFlight: lsInFlight, beInFlight: beInFlight, sms: sms, blocksPerSM: bps, ls: ls,
                                 beKernelsPerSecond: r.be_kernels_per_s)
    }
}
