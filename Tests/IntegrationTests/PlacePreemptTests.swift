import Foundation
import Testing
import TestSupport

/// `colosim place --preempt`: LS pods evict BE pods, counted and explained, through the binary.
///
/// Ten GPUs (8 + 2), ten whole-GPU BE pods and ten whole-GPU LS pods, `--arrive 2.0` (exactly the
/// trace's request, so nothing is added or removed). Whatever the seeded arrival order, with
/// preemption every LS pod ends up running (an LS pod arriving at a full cluster always finds a BE
/// pod holding a whole GPU), so every BE pod either failed on arrival or was evicted:
/// evicted + failed BE = 10, failed LS = 0, one victim per preemption, final allocation 100 %.
@Suite struct PlacePreemptTests {
    static let nodesCSV = """
        sn,cpu_milli,memory_mib,gpu,model
        node-a,96000,393216,8,T4
        node-b,32000,131072,2,T4

        """
    static let podsCSV = "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos\n"
        + (0..<10).map { "be-\($0),4000,8192,1,1000,,BE\nls-\($0),4000,8192,1,1000,,LS\n" }.joined()

    func place(pods: String = podsCSV, _ extra: [String]) throws -> ColosimResult {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("colosim-preempt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let nodes = dir.appendingPathComponent("nodes.csv")
        let podsFile = dir.appendingPathComponent("pods.csv")
        try Self.nodesCSV.write(to: nodes, atomically: true, encoding: .utf8)
        try pods.write(to: podsFile, atomically: true, encoding: .utf8)
        return try runColosim(["place", "--nodes", nodes.path, "--pods", podsFile.path, "--arrive", "2.0"] + extra)
    }

    func json(_ r: ColosimResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test func preemptionCountsAddUpForEverySeed() throws {
        let r = try place(["--policy", "best-fit,fgd,random", "--seeds", "1-4", "--preempt", "--json"])
        #expect(r.exitCode == 0)
        let o = try json(r)
        #expect(o["preempt"] as? Bool == true)
        let policies = try #require(o["policies"] as? [[String: Any]])
        #expect(policies.count == 3)
        for p in policies {
            #expect(p["failed_ls_pods_mean"] as? Double == 0)
            let mean = try #require(p["preemptions_mean"] as? Double)
            #expect(mean >= 1)
            #expect(p["preempted_gpu_milli_mean"] as? Double == mean * 1000)
            for s in try #require(p["per_seed"] as? [[String: Any]]) {
                let evicted = try #require(s["preemptions"] as? Int)
                #expect(evicted + (s["failed_be_pods"] as? Int ?? -1) == 10)
                #expect(s["preempting_pods"] as? Int == evicted)
                #expect(s["final_alloc_pct"] as? Double == 100)
            }
        }
        let off = try json(try place(["--policy", "best-fit,fgd,random", "--seeds", "1-4", "--json"]))
        for p in try #require(off["policies"] as? [[String: Any]]) {
            #expect(p["preemptions_mean"] as? Double == 0)
            #expect((p["failed_ls_pods_mean"] as? Double ?? 0) + (p["failed_be_pods_mean"] as? Double ?? 0) == 10)
        }
        #expect(off["preempt"] as? Bool == false)
        #expect(off["digest"] as? String != o["digest"] as? String)
    }

    @Test func explainShowsPreemptionsWithVictimsAndReasons() throws {
        let text = try place(["--policy", "best-fit", "--seeds", "7", "--preempt", "--explain", "20"])
        #expect(text.exitCode == 0)
        #expect(text.stdout.contains("preemption: fits no node (rejected: 2 insufficient GPU); preempts 1 BE pod(s) on node-"))
        #expect(text.stdout.contains("node(s) had a feasible plan"))
        #expect(text.stdout.contains("(BE priority 0, 4000 mCPU, 8192 MiB, 1×1000 milli-GPU on GPU "))
        #expect(text.stdout.contains("evicted pods"))
        let o = try json(try place(["--policy", "best-fit", "--seeds", "7", "--preempt", "--explain", "20", "--json"]))
        let entries = try #require(o["explanation_details"] as? [[String: Any]])
        #expect(entries.count == 20)
        let preemptions = entries.filter { $0["kind"] as? String == "preemption" }
        #expect(entries.filter { $0["kind"] as? String == "placement" }.count == 20 - preemptions.count)
        let seed = try #require(((o["policies"] as? [[String: Any]])?.first?["per_seed"] as? [[String: Any]])?.first)
        #expect(preemptions.count == seed["preemptions"] as? Int && !preemptions.isEmpty)
        for e in preemptions {
            #expect((e["pod"] as? String)?.hasPrefix("ls-") == true && e["priority_class"] as? String == "LS")
            #expect((e["rejected"] as? [String: Int])?["insufficient GPU"] == 2)
            let victims = try #require(e["victims"] as? [[String: Any]])
            #expect(victims.count == 1)
            #expect((victims.first?["name"] as? String)?.hasPrefix("be-") == true)
            #expect(victims.first?["priority_class"] as? String == "BE" && victims.first?["priority"] as? Int == 0)
            #expect(victims.first?["num_gpu"] as? Int == 1 && victims.first?["gpu_milli"] as? Int == 1000)
            #expect((e["feasible_plans"] as? Int ?? 0) >= 1 && e["node"] is String)
        }
    }

    @Test func explainPodExplainsOneNamedPod() throws {
        let r = try place(["--policy", "best-fit,fgd", "--seeds", "3", "--preempt", "--explain-pod", "ls-4", "--json"])
        #expect(r.exitCode == 0)
        let entries = try #require(try json(r)["explanation_details"] as? [[String: Any]])
        #expect(entries.map { $0["pod"] as? String } == ["ls-4", "ls-4"])
        #expect(entries.map { $0["policy"] as? String } == ["best-fit", "fgd"])
        let bad = try place(["--policy", "best-fit", "--seeds", "3", "--explain-pod", "nope"])
        #expect(bad.exitCode == 2)
        #expect(bad.stderr.contains("--explain-pod") && bad.stderr.contains("nope"))
    }

    @Test func withoutLSPodsPreemptChangesNoResult() throws {
        let beOnly = Self.podsCSV.replacingOccurrences(of: ",LS\n", with: ",BE\n")
        let args = ["--policy", "all", "--seeds", "1,2", "--json"]
        let a = try json(try place(pods: beOnly, args))
        let b = try json(try place(pods: beOnly, args + ["--preempt"]))
        #expect(a["digest"] as? String == b["digest"] as? String)
        let pa = try #require(a["policies"] as? [[String: Any]])
        let pb = try #require(b["policies"] as? [[String: Any]])
        #expect(pa.map { $0["alloc_pct_mean"] as? Double } == pb.map { $0["alloc_pct_mean"] as? Double })
        #expect(pb.allSatisfy { $0["preemptions_mean"] as? Double == 0 && $0["failed_be_pods_mean"] as? Double == 10 })
    }
}
