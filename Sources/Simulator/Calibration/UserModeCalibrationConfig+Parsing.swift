import Foundation

extension UserModeCalibrationConfig {
    /// The longest run (`seconds`, `start_s`, `stop_s`) a line may ask for: the probe's runs last
    /// 0.1–7 s, and a synchronizing client is simulated with `seconds × 50,000` scheduled arrivals
    /// (``ColocalClient``), so the bound also bounds that queue (3 M) and its run (under the replay's
    /// drain limit).
    public static let maxSeconds = 60.0

    private struct RawWorkload: Decodable {
        var kind: String
        var arrival: String?
        var rate_per_s: Double?
        var in_flight: Double?
        var kernel_us: Double?
        var grid_blocks: Double?
        var block_us: Double?
        var chunk_mib: Double?
        var cap_mib: Double?
        var start_s: Double?
        var stop_s: Double?
    }

    private struct RawMeasured: Decodable {
        var throughput_per_s: Double?
        var p50_us: Double?
        var p99_us: Double?
        var n: Double?
        var allocated_mib: Double?
    }

    private struct RawContainer: Decodable {
        var name: String
        var limit_percent: Double
        var memory_limit_mib: Double?
        var workload: RawWorkload
        var measured: RawMeasured
    }

    private struct Raw: Decodable {
        var config: String
        var profile: String
        var seconds: Double
        var utilization_policy: String
        var solo: [String: Double]
        var containers: [RawContainer]
        var host_pid_of: String?
    }

    /// Whether a JSON line is in this format (it has `containers`) rather than the native one.
    public static func isUserModeLine(_ line: String) -> Bool {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return false }
        return obj["containers"] != nil
    }

    /// Parses a whole file: one JSON object per non-empty line.
    public static func parseLines(_ text: String) throws -> [UserModeCalibrationConfig] {
        var out: [UserModeCalibrationConfig] = []
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

    /// Parses one JSON line (`number` for messages).
    public static func parse(line: String, number: Int) throws -> UserModeCalibrationConfig {
        func fail(_ field: String?, _ msg: String) -> CalibrationParseError {
            CalibrationParseError(line: number, field: field, message: msg)
        }
        func path(_ keys: [any CodingKey]) -> String? {
            keys.isEmpty ? nil : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
                .replacingOccurrences(of: ".[", with: "[")
        }
        let r: Raw
        do {
            r = try JSONDecoder().decode(Raw.self, from: Data(line.utf8))
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw fail(path(ctx.codingPath + [key]), "missing")
        } catch let DecodingError.valueNotFound(_, ctx) {
            throw fail(path(ctx.codingPath), "must not be null")
        } catch let DecodingError.typeMismatch(type, ctx) {
            throw fail(path(ctx.codingPath), "expected \(type == String.self ? "a string" : type == Double.self ? "a number" : "another type")")
        } catch let DecodingError.dataCorrupted(ctx) {
            throw fail(path(ctx.codingPath), ctx.codingPath.isEmpty ? "not a valid JSON object" : "invalid value")
        } catch {
            throw fail(nil, "not a valid JSON object")
        }
        func int(_ v: Double, _ k: String, min lo: Int, max hi: Int = 1 << 40) throws -> Int {
            guard v.isFinite, v == v.rounded(), v >= Double(lo), v <= Double(hi), let i = Int(exactly: v) else {
                throw fail(k, "expected an integer in \(lo)...\(hi), got \(v)")
            }
            return i
        }
        func positive(_ v: Double?, _ k: String) throws -> Double {
            guard let v else { throw fail(k, "missing") }
            guard v.isFinite, v > 0 else { throw fail(k, "must be > 0, got \(v)") }
            return v
        }
        func nonNegative(_ v: Double?, _ k: String) throws -> Double? {
            guard let v else { return nil }
            guard v.isFinite, v >= 0 else { throw fail(k, "must be >= 0, got \(v)") }
            return v
        }
        guard !r.config.isEmpty else { throw fail("config", "must not be empty") }
        guard r.seconds.isFinite, r.seconds > 0 else { throw fail("seconds", "must be > 0, got \(r.seconds)") }
        guard r.seconds <= Self.maxSeconds else {
            throw fail("seconds", "must be <= \(Self.maxSeconds) s (the probe's runs are seconds long), got \(r.seconds)")
        }
        guard let policy = Policy(rawValue: r.utilization_policy) else {
            throw fail("utilization_policy", "expected one of force, disable, none; got '\(r.utilization_policy)'")
        }
        for (k, v) in r.solo where !(v.isFinite && v > 0) { throw fail("solo.\(k)", "must be > 0, got \(v)") }
        guard !r.containers.isEmpty else { throw fail("containers", "must list at least one container") }
        var names = Set<String>()
        var containers: [Container] = []
        for (i, c) in r.containers.enumerated() {
            let at = "containers[\(i)]"
            guard !c.name.isEmpty else { throw fail("\(at).name", "must not be empty") }
            guard names.insert(c.name).inserted else { throw fail("\(at).name", "duplicate container '\(c.name)'") }
            let limit = try int(c.limit_percent, "\(at).limit_percent", min: 0, max: 100)
            let mem = try c.memory_limit_mib.map { try int($0, "\(at).memory_limit_mib", min: 1) }
            let w = c.workload
            let workload: Workload
            switch w.kind {
            case "kernels":
                let inFlight = try int(w.in_flight ?? 1, "\(at).workload.in_flight", min: 1, max: 1024)
                let kernelUs = try positive(w.kernel_us, "\(at).workload.kernel_us")
                let blocks = try int(try positive(w.grid_blocks, "\(at).workload.grid_blocks"),
                                     "\(at).workload.grid_blocks", min: 1, max: Int(Int32.max))
                let blockUs = try positive(w.block_us ?? w.kernel_us, "\(at).workload.block_us")
                let rate: Double?
                switch w.arrival ?? "closed-loop" {
                case "closed-loop": rate = nil
                case "poisson": rate = try positive(w.rate_per_s, "\(at).workload.rate_per_s")
                case let other: throw fail("\(at).workload.arrival", "expected closed-loop or poisson, got '\(other)'")
                }
                workload = .kernels(ratePerSecond: rate, inFlight: inFlight, kernelUs: kernelUs, gridBlocks: blocks,
                                    blockUs: blockUs)
            case "memory":
                let chunk = try int(try positive(w.chunk_mib, "\(at).workload.chunk_mib"), "\(at).workload.chunk_mib", min: 1)
                let cap = try int(try positive(w.cap_mib, "\(at).workload.cap_mib"), "\(at).workload.cap_mib", min: chunk)
                workload = .memory(chunkMiB: chunk, capMiB: cap)
            default:
                throw fail("\(at).workload.kind", "expected kernels or memory, got '\(w.kind)'")
            }
            let m = c.measured
            let measured = Measured(
                throughputPerSecond: try nonNegative(m.throughput_per_s, "\(at).measured.throughput_per_s"),
                p50Us: try nonNegative(m.p50_us, "\(at).measured.p50_us"),
                p99Us: try nonNegative(m.p99_us, "\(at).measured.p99_us"),
                n: try m.n.map { try int($0, "\(at).measured.n", min: 0) },
                allocatedMiB: try nonNegative(m.allocated_mib, "\(at).measured.allocated_mib"))
            let start = try nonNegative(w.start_s, "\(at).workload.start_s")
            let stop = try w.stop_s.map { try positive($0, "\(at).workload.stop_s") }
            for (v, k) in [(start, "start_s"), (stop, "stop_s")] where (v ?? 0) > Self.maxSeconds {
                throw fail("\(at).workload.\(k)", "must be <= \(Self.maxSeconds) s, got \(v ?? 0)")
            }
            if let a = start, let b = stop, b <= a { throw fail("\(at).workload.stop_s", "must be after start_s (\(a))") }
            containers.append(Container(name: c.name, limitPercent: limit, memoryLimitMiB: mem, workload: workload,
                                        measured: measured, startSeconds: start, stopSeconds: stop))
        }
        if let h = r.host_pid_of, !names.contains(h) {
            throw fail("host_pid_of", "names no container: '\(h)'")
        }
        return UserModeCalibrationConfig(name: r.config, profile: r.profile, seconds: r.seconds, policy: policy,
                                         solo: r.solo, containers: containers, hostPidOf: r.host_pid_of)
    }
}
