import Foundation
import Testing
import TestSupport

/// `colosim bench` end to end: the known answers, JSON keys, determinism, exit codes.
@Suite struct BenchCLITests {
    /// Runs with `--json`; returns the parsed object and the raw text (Foundation's JSON parser
    /// may round the last digit of a double, so exact doubles are checked in the text).
    func json(_ args: [String]) throws -> [String: Any] {
        try jsonAndText(args).0
    }

    func jsonAndText(_ args: [String]) throws -> ([String: Any], String) {
        let r = try runColosim(args + ["--json"])
        #expect(r.exitCode == 0, "stderr: \(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        return (try #require(object as? [String: Any]), r.stdout)
    }

    @Test func pholdSeed7KnownAnswerAndKeys() throws {
        let (j, text) = try jsonAndText(
            ["bench", "phold", "--lps", "1024", "--pop", "16", "--events", "100000", "--seed", "7"])
        #expect(j["events"] as? Int == 100_000)
        #expect(text.contains("\"last_ts\": 6.135903385156808,"))
        #expect(j["checksum"] as? String == "102bfd387d1e988d")
        for key in ["wall_seconds", "events_per_second", "digest"] { #expect(j[key] != nil, "missing \(key)") }
        #expect((j["digest"] as? String)?.count == 16)
    }

    @Test func pholdMillionEventsAndEndTimeKnownAnswers() throws {
        let a = try json(["bench", "phold", "--lps", "1024", "--pop", "16", "--events", "1000000", "--seed", "1"])
        #expect(a["checksum"] as? String == "17851507a5257f8a")
        let (b, text) = try jsonAndText(["bench", "phold", "--lps", "64", "--pop", "4", "--remote", "0.5",
                                         "--lookahead", "0.1", "--end-time", "50", "--seed", "3"])
        #expect(b["events"] as? Int == 11_493)
        #expect(text.contains("\"last_ts\": 49.998519638945915,"))
        #expect(b["checksum"] as? String == "69a15282a006b81a")
    }

    @Test func mmcKnownAnswerAndErlangCKeys() throws {
        let j = try json(["bench", "mmc", "--servers", "8", "--arrival-rate", "64", "--service-rate", "10",
                          "--requests", "50000", "--seed", "1"])
        #expect(j["checksum"] as? String == "de6420c1810887f1")
        #expect(j["events"] as? Int == 100_000)
        for key in ["wall_seconds", "events_per_second", "latency_mean_s", "latency_p99_s", "wait_mean_s",
                    "p_wait", "digest"] {
            #expect(j[key] != nil, "missing \(key)")
        }
        let e = try #require(j["erlang_c"] as? [String: Any])
        #expect(abs((e["p_wait"] as? Double ?? 0) - 0.45764) < 5e-6)
        #expect(abs((e["wq_s"] as? Double ?? 0) - 0.028603) < 5e-7)
        #expect(abs((e["w_s"] as? Double ?? 0) - 0.128603) < 5e-7)
        #expect(abs((e["latency_p99_s"] as? Double ?? 0) - 0.515218) < 5e-7)
    }

    @Test func unstableQueueHasNullErlangC() throws {
        let r = try runColosim(["bench", "mmc", "--servers", "2", "--arrival-rate", "5", "--service-rate", "1",
                                "--requests", "1000", "--json"])
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("\"erlang_c\": null"))
        let text = try runColosim(["bench", "mmc", "--servers", "2", "--arrival-rate", "5", "--service-rate", "1",
                                   "--requests", "1000"])
        #expect(text.stdout.contains("no steady state"))
    }

    /// Same seed twice ⇒ identical output (wall-clock fields aside) and digest; other seed ⇒ different.
    @Test(arguments: [["bench", "phold", "--lps", "128", "--pop", "8", "--events", "20000"],
                      ["bench", "mmc", "--requests", "20000"]])
    func sameSeedSameOutputOtherSeedDifferent(_ base: [String]) throws {
        func stable(_ seed: String) throws -> (String, String) {
            let r = try runColosim(base + ["--seed", seed, "--json"])
            #expect(r.exitCode == 0)
            let lines = r.stdout.split(separator: "\n").filter {
                !$0.contains("\"wall_seconds\"") && !$0.contains("\"events_per_second\"")
            }
            let digest = lines.first { $0.contains("\"digest\"") }.map(String.init) ?? ""
            return (lines.joined(separator: "\n"), digest)
        }
        let a = try stable("5")
        let b = try stable("5")
        let c = try stable("6")
        #expect(a == b)
        #expect(!a.1.isEmpty)
        #expect(c.1 != a.1)
        #expect(c.0 != a.0)
        let text = try runColosim(base + ["--seed", "5"])
        #expect(text.stdout.contains("digest"))
    }

    @Test(arguments: [
        (["bench", "mmc", "--servers", "0"], "--servers"),
        (["bench", "mmc", "--arrival-rate", "-64"], "'--arrival-rate': must be a finite number > 0, got -64"),
        (["bench", "mmc", "--service-rate", "-1"], "'--service-rate': must be a finite number > 0, got -1"),
        (["bench", "mmc", "--service-rate", "nan"], "--service-rate"),
        (["bench", "mmc", "--requests", "0"], "--requests"),
        (["bench", "mmc", "--requests", "100", "--warmup", "100"], "--warmup"),
        (["bench", "mmc", "--servers", "eight"], "servers"),
        (["bench", "phold", "--lps", "0"], "--lps"),
        (["bench", "phold", "--pop", "-3"], "'--pop': must be at least 1, got -3"),
        (["bench", "phold", "--events", "0"], "--events"),
        (["bench", "phold", "--remote", "1.5"], "--remote"),
        (["bench", "phold", "--mean", "0"], "--mean"),
        (["bench", "phold", "--end-time", "-1"], "end-time"),
        (["bench", "phold", "--seed", "-1"], "seed"),
        (["bench", "nosuchmodel"], "nosuchmodel"),
    ])
    func badFlagsExitWithCode2(_ args: [String], _ mentioned: String) throws {
        let r = try runColosim(args)
        #expect(r.exitCode == 2, "\(args): exit \(r.exitCode), stderr \(r.stderr)")
        #expect(r.stderr.contains(mentioned), "\(args): \(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
    }
}
