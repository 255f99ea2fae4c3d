import Foundation
import Testing
import TestSupport

/// `colosim trace check` / `trace sample` end to end (must-show 6: malformed traces → exit 2 with
/// file, line and column).
@Suite struct TraceCommandTests {
    /// Writes `text` to a fresh temporary file named `name` and returns its path.
    private func temporaryFile(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("colosim-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func checksEveryShippedSample() throws {
        let samples = [("traces/genai_pod_gpu_duty_cycle_sample.csv", "genai-duty-cycle", 4323),
                       ("traces/azure_llm_code_sample.csv", "azure-llm", 1000),
                       ("traces/azure_llm_conv_sample.csv", "azure-llm", 1000),
                       ("traces/servegen_deepseek-r1_sample.csv", "servegen", 432),
                       ("traces/philly_runtime_sample.csv", "philly", 2079),
                       ("traces/generic_peak_valley_util.csv", "generic", 288),
                       ("traces/generic_diurnal_rate.csv", "generic", 24)]
        for (file, format, rows) in samples {
            let r = try runColosim(["trace", "check", file, "--format", format, "--json"])
            #expect(r.exitCode == 0, "\(file): \(r.stderr)")
            #expect(r.stdout.contains("\"rows\": \(rows),"), "\(file): \(r.stdout)")
        }
        // Python: mean duty cycle of the GenAI sample = 7.639300116579693 %.
        let g = try runColosim(["trace", "check", "traces/genai_pod_gpu_duty_cycle_sample.csv",
                                "--format", "genai-duty-cycle", "--json"])
        #expect(g.stdout.contains("\"mean_utilization\": 0.076393001165797"))  // equal to 1e-15 (summation order)
        #expect(g.stdout.contains("\"time_span_s\": 82080,"))
    }

    @Test func missingColumnExitsTwoWithFileLineAndColumn() throws {
        let path = try temporaryFile("duty.csv", "value,container_ip\n1.0,pod\n")
        let r = try runColosim(["trace", "check", path, "--format", "genai-duty-cycle"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("\(path):1: field 'timestamp_anon': missing column"), "\(r.stderr)")
    }

    @Test func badNumberExitsTwoWithFileLineAndColumn() throws {
        let path = try temporaryFile("azure.csv", """
            TIMESTAMP,ContextTokens,GeneratedTokens
            2023-11-16 18:17:03.9799600,4808,10
            2023-11-16 18:17:04.0319600,31x0,8

            """)
        let r = try runColosim(["trace", "check", path, "--format", "azure-llm"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("\(path):3: field 'ContextTokens': column 2: not a finite number: \"31x0\""), "\(r.stderr)")
    }

    @Test func negativeTimeExitsTwoWithFileLineAndColumn() throws {
        let path = try temporaryFile("rate.csv", "time_s,rate\n0,5\n-60,6\n")
        let r = try runColosim(["trace", "check", path, "--format", "generic"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("\(path):3: field 'time_s': column 1: negative time: -60.0"), "\(r.stderr)")
        let duty = try temporaryFile("duty.csv", "value,timestamp_anon,container_ip\n3,-1,p\n")
        let d = try runColosim(["trace", "check", duty, "--format", "genai-duty-cycle"])
        #expect(d.exitCode == 2)
        #expect(d.stderr.contains("\(duty):2: field 'timestamp_anon': column 2: negative time"), "\(d.stderr)")
    }

    @Test func gzipInputIsDecompressedAndErrorsKeepTheirLines() throws {
        let path = try temporaryFile("philly.csv", "runtime\n10\n20\nabc\n")
        let gz = Process()
        gz.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gz.arguments = ["gzip", "-kn", path]
        try gz.run()
        gz.waitUntilExit()
        try #require(gz.terminationStatus == 0)
        let r = try runColosim(["trace", "check", path + ".gz", "--format", "philly"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("\(path).gz:4: field 'runtime': column 1: not a finite number"), "\(r.stderr)")
        // A valid compressed sample reads like the plain one (432 rows, 3 clients).
        let sample = repositoryRoot().appendingPathComponent("traces/servegen_deepseek-r1_sample.csv").path
        let copy = try temporaryFile("servegen.csv", try String(contentsOfFile: sample, encoding: .utf8))
        let gz2 = Process()
        gz2.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gz2.arguments = ["gzip", "-n", copy]
        try gz2.run()
        gz2.waitUntilExit()
        let ok = try runColosim(["trace", "check", copy + ".gz", "--format", "servegen", "--json"])
        #expect(ok.exitCode == 0)
        #expect(ok.stdout.contains("\"rows\": 432,") && ok.stdout.contains("\"clients\": 3,"), "\(ok.stdout)")
    }

    @Test func notReallyGzipExitsTwoNamingGzip() throws {
        let path = try temporaryFile("plain.csv.gz", "runtime\n10\n")
        let r = try runColosim(["trace", "check", path, "--format", "philly"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("\(path): not a gzip file"), "\(r.stderr)")
    }

    @Test func badFormatAndMissingFileExitTwo() throws {
        let f = try runColosim(["trace", "check", "traces/philly_runtime_sample.csv", "--format", "csv"])
        #expect(f.exitCode == 2)
        #expect(f.stderr.contains("unknown trace format 'csv'"))
        let m = try runColosim(["trace", "check", "traces/nope.csv", "--format", "philly"])
        #expect(m.exitCode == 2)
        #expect(m.stderr.contains("traces/nope.csv: no such file"))
    }

    @Test func sampleRoundTripsThroughCheck() throws {
        let s = try runColosim(["trace", "sample", "--archetype", "peak-valley", "--seed", "3"])
        #expect(s.exitCode == 0)
        let path = try temporaryFile("pv.csv", s.stdout)
        let r = try runColosim(["trace", "check", path, "--format", "generic", "--json"])
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("\"rows\": 1440,"))
        let again = try runColosim(["trace", "sample", "--archetype", "peak-valley", "--seed", "3"])
        #expect(again.stdout == s.stdout)
        let shaped = try runColosim(["trace", "sample", "--genai", "traces/genai_pod_gpu_duty_cycle_sample.csv",
                                     "--mean", "0.2", "--instance", "2"])
        #expect(shaped.exitCode == 0)
        #expect(shaped.stdout.hasPrefix("time_s,util\n0,"))
        let bad = try runColosim(["trace", "sample", "--archetype", "bursty"])
        #expect(bad.exitCode == 2)
    }
}
