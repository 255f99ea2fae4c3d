import Foundation
import Testing
import TestSupport

/// `colosim run SCENARIO --explain N [--explain-kind K] [--json]` on cluster scenarios: the decisions
/// explained agree with the run's own metrics, and explaining changes nothing else.
struct RunExplainTests {
    struct Run {
        let json: [String: Any]
        var summary: [String: Any] { json["summary"] as? [String: Any] ?? [:] }
        func number(_ key: String) -> Double { (summary[key] as? NSNumber)?.doubleValue ?? .nan }
        var explanations: [[String: Any]] { json["explanations"] as? [[String: Any]] ?? [] }
        var counts: [String: Int] { json["explanation_counts"] as? [String: Int] ?? [:] }
        var digest: String { json["digest"] as? String ?? "" }
        func kind(_ k: String) -> [[String: Any]] { explanations.filter { $0["kind"] as? String == k } }
    }

    static func run(_ args: [String]) throws -> Run {
        let r = try runColosim(["run", "--no-store"] + args + ["--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        return Run(json: ((try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any]) ?? [:])
    }

    /// The digest `Tests/Golden/bench-check.json` holds for `name`.
    static func goldenDigest(_ name: String) throws -> String? {
        let data = try Data(contentsOf: repositoryRoot().appendingPathComponent("Tests/Golden/bench-check.json"))
        let cases = ((try JSONSerialization.jsonObject(with: data)) as? [String: Any])?["cases"] as? [[String: Any]] ?? []
        return cases.first { $0["name"] as? String == name }?["digest"] as? String
    }

    /// The seconds of work an eviction reason says the job loses ("loses 780 s of GPU work").
    static func lostSeconds(_ reason: String) -> Double? {
        guard let r = reason.range(of: "loses ") else { return nil }
        return Double(reason[r.upperBound...].prefix { $0.isNumber || $0 == "." })
    }

    /// Must-show 4 explained: every reclaim of tidal-diurnal is an `evict` decision naming the reclaiming
    /// service, the replica rule and the work lost; the losses add up to the run's `be_lost_work`.
    @Test func tidalDiurnalExplainsEveryReclaim() throws {
        let t = try Self.run(["scenarios/tidal-diurnal.yaml", "--explain", "20"])
        // Explaining leaves the digest alone: it is still the golden one (`colosim bench check`).
        let golden = try Self.goldenDigest("scenario/tidal-diurnal")
        #expect(!t.digest.isEmpty && t.digest == golden)
        let evictions = t.kind("evict")
        #expect(evictions.count == Int(t.number("reclaims")) && t.number("reclaims") == 3)
        #expect(t.counts["evict"] == 3)
        var lost = 0.0
        for e in evictions {
            let reason = e["reason"] as? String ?? ""
            #expect(e["service"] as? String == "search-ranking" && e["pod_kind"] as? String == "job")
            #expect(reason.hasPrefix("tidal reclaim: service search-ranking needs ceil("), "\(reason)")
            #expect(reason.contains("restart cost 120 s"), "\(reason)")
            lost += Self.lostSeconds(reason) ?? .nan
            // The evicted job is one the run reports as evicted.
            let job = (t.json["jobs"] as? [[String: Any]] ?? []).first { $0["name"] as? String == e["pod"] as? String }
            #expect((job?["evictions"] as? Int ?? 0) >= 1, "\(e)")
        }
        #expect(abs(lost - t.number("be_lost_work")) < 0.5 && lost > 0)
        // In time order, with the counts of every kind.
        let times = t.explanations.compactMap { ($0["t_s"] as? NSNumber)?.doubleValue }
        #expect(times == times.sorted() && times.count == t.explanations.count)
        #expect(t.counts["start-replica"] == 9 && t.counts["stop-replica"] == 6)
        #expect(t.kind("start-replica").count == 9 && t.kind("stop-replica").count == 6 && t.kind("bind").count == 20)
    }

    /// A small preemptive cluster: the LS replica's wake-ups preempt the training job beside it.
    static func preemptiveScenario(_ dir: URL) throws -> String {
        let file = dir.appendingPathComponent("preemptive.yaml")
        try """
        schema: cluster
        name: explain-preemptive
        duration_s: 1800
        step_s: 10
        policy: preemptive
        cluster: {nodes: 1, gpus_per_node: 2}
        services:
          - {name: web, replicas: 1, load: {poisson_rps: 100}, p99_ms: 50}
        jobs:
          - {name: train, kind: training, count: 1, work_s: 100000, iteration_s: 1, checkpoint_every: 600, checkpoint_s: 10, restart_s: 60}
        """.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func preemptiveRunExplainsThePreemption() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("colosim-explain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.preemptiveScenario(dir)
        let plain = try Self.run([file])
        let e = try Self.run([file, "--explain", "3", "--explain-kind", "preempt,bind"])
        #expect(e.digest == plain.digest && e.number("context_switches") == plain.number("context_switches"))
        #expect(plain.json["explanations"] == nil && plain.json["explanation_counts"] == nil)
        #expect(e.number("context_switches") > 0)
        #expect(Set(e.explanations.compactMap { $0["kind"] as? String }) == ["bind", "preempt"])
        #expect(e.counts == ["bind": 2, "preempt": 1])   // the job is preempted all along: one episode
        let p = try #require(e.kind("preempt").first)
        #expect(p["pod"] as? String == "train" && p["gpu"] as? Int == 0 && (p["t_s"] as? NSNumber)?.doubleValue == 0)
        // The node model's measurements of the GPU state: the kernel-mode engine preempts the job at every
        // LS wake-up, so the job gets less than the whole GPU and the SMs switch contexts.
        let reason = p["reason"] as? String ?? ""
        #expect(reason.hasPrefix("LS pod web#0 on GPU 0 preempts BE pod train under kernel-mode (online-preempts-offline) (node model)"), "\(reason)")
        let share = Double(reason.split(separator: ",").first { $0.contains("BE compute share") }?
            .split(separator: " ").last.map(String.init) ?? "") ?? 1
        #expect(share > 0.5 && share < 0.95, "\(reason)")
        // The text report lists the same decision after the summary.
        let text = try runColosim(["run", "--no-store", file, "--explain", "1", "--explain-kind", "preempt"])
        #expect(text.exitCode == 0)
        #expect(text.stdout.contains("Decisions (first 1 of each kind, in time order; shown of made: preempt 1 of 1):"))
        #expect(text.stdout.contains("\n  t=00:00:00 preempt       job train on GPU 0 — LS pod web#0"), "\(text.stdout)")
    }

    /// Two schedulers on one cluster: every conflicting bind is explained (by the scheduler that changed
    /// the node, and what the node lacks now), binds carry the policy's choice, and explaining changes
    /// nothing in the run.
    @Test func multiSchedulerRunExplainsEveryConflict() throws {
        let plain = try Self.run(["scenarios/multi-scheduler.yaml"])
        let explained = try Self.run(["scenarios/multi-scheduler.yaml", "--explain", "1000", "--explain-kind", "conflict,bind"])
        #expect(!plain.digest.isEmpty && explained.digest == plain.digest)
        #expect(plain.json["explanations"] == nil)
        let conflicts = Int(plain.number("conflicts"))
        #expect(conflicts > 0)
        #expect(explained.counts["conflict"] == conflicts)
        #expect(explained.counts["bind"] == Int(plain.number("bound")))
        #expect(explained.counts["unschedulable"] == nil)
        let explainedConflicts = explained.kind("conflict")
        #expect(explainedConflicts.count == conflicts)
        for c in explainedConflicts {
            let reason = c["reason"] as? String ?? ""
            #expect(reason.contains("rejected by the shared cluster") && reason.contains("last by "), "\(reason)")
            #expect(reason.contains(" of ") && reason.contains(" free"), "\(reason)")
            #expect(c["node"] is String)
        }
        #expect(explained.kind("bind").count == 1000)
        let firstBind = try #require(explained.kind("bind").first?["reason"] as? String)
        #expect(firstBind.contains("committed the bind") && firstBind.contains("feasible nodes"), "\(firstBind)")
        let text = try runColosim(["run", "--no-store", "scenarios/multi-scheduler.yaml", "--explain", "2", "--explain-kind", "conflict"])
        #expect(text.exitCode == 0)
        #expect(text.stdout.contains("shown of made: conflict 2 of \(conflicts)"), "\(text.stdout)")
    }

    @Test func explainOutsideClusterScenariosOrWithBadKindsExitsTwo() throws {
        let single = try runColosim(["run", "--no-store", "scenarios/v100-ai-render-split.yaml", "--explain", "5"])
        #expect(single.exitCode == 2)
        #expect(single.stderr.contains("--explain") && single.stderr.contains("schema: cluster"), "\(single.stderr)")
        let multi = try runColosim(["run", "--no-store", "scenarios/multi-scheduler.yaml", "--explain", "5", "--explain-kind", "evict"])
        #expect(multi.exitCode == 2 && multi.stderr.contains("conflict"), "\(multi.stderr)")
        let kind = try runColosim(["run", "--no-store", "scenarios/tidal-diurnal.yaml", "--explain", "5", "--explain-kind", "evicted"])
        #expect(kind.exitCode == 2 && kind.stderr.contains("start-replica"), "\(kind.stderr)")
        let negative = try runColosim(["run", "--no-store", "scenarios/tidal-diurnal.yaml", "--explain=-1"])
        #expect(negative.exitCode == 2 && negative.stderr.contains("--explain"), "\(negative.stderr)")
    }
}
