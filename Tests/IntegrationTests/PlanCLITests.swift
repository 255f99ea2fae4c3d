import Foundation
import Testing
import TestSupport

@Suite struct PlanCLITests {
    /// On the small cluster the answer is known analytically: dedicated needs one GPU per replica (6),
    /// shared packs two 500-milli replicas per GPU (3). Each answer is checked by `colosim run` at N
    /// (every SLA met, every replica placed) and at N − 1 (a replica left without a GPU).
    @Test func fewestGPUsPerPolicyCheckedByRunsAtNAndNMinusOne() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let scenario = try RunsCLIFixtures.write(SweepCLIFixtures.smallCluster(), "small.yaml", in: dir)
        let r = try runColosim(["plan", scenario, "--policies", "dedicated,shared", "--min-utilization", "0.1", "--json",
                                "--max-density", "0", "--db", dir.appendingPathComponent("p.sqlite").path])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let plans = SweepCLIFixtures.object(r.stdout)["plans"] as? [[String: Any]] ?? []
        let answers = Dictionary(uniqueKeysWithValues: plans.compactMap { p in (p["policy"] as? String).map { ($0, p["gpus"] as? Int) } })
        #expect(answers["dedicated"] == 6)
        #expect(answers["shared"] == 3)
        for (policy, n) in [("dedicated", 6), ("shared", 3)] {
            let atN = try RunsCLIFixtures.write(SweepCLIFixtures.smallCluster(gpusPerNode: n), "n.yaml", in: dir)
            let atLess = try RunsCLIFixtures.write(SweepCLIFixtures.smallCluster(gpusPerNode: n - 1), "n1.yaml", in: dir)
            let ok = SweepCLIFixtures.object(try runColosim(["run", "--no-store", atN, "--policy", policy, "--json"]).stdout)
            let short = SweepCLIFixtures.object(try runColosim(["run", "--no-store", atLess, "--policy", policy, "--json"]).stdout)
            let okServices = ok["services"] as? [[String: Any]] ?? []
            #expect((ok["summary"] as? [String: Any])?["all_sla_met"] as? Bool == true)
            #expect(okServices.allSatisfy { ($0["replicas_mean"] as? Double) == 3 })
            let shortServices = short["services"] as? [[String: Any]] ?? []
            let missed = (short["summary"] as? [String: Any])?["all_sla_met"] as? Bool == false
            #expect(missed || shortServices.contains { ($0["replicas_mean"] as? Double ?? 3) < 3 }, "\(policy) at \(n - 1)")
        }
    }

    /// A cluster of `cluster.node_groups` is planned by the span search: one run per policy on the
    /// cluster doubled (its node groups repeated), answering the GPUs of the nodes it used. Hand
    /// count: shared packs 6 half-GPU replicas and 2 quarter-GPU jobs (3.5 GPUs) onto the two 2-GPU
    /// nodes (binpack takes the node left fullest: the small ones), so the answer is 4 of the 16.
    /// The claim behind it — a cluster of just those nodes makes the same decisions — is checked:
    /// `colosim run` on the first two nodes gives the same digest as the 16-GPU run the plan made.
    @Test func nodeGroupsArePlannedByTheSpanOfTheNodesUsed() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let groups = "node_groups: [{count: 2, gpus_per_node: 2}, {count: 1, gpus_per_node: 4}]"
        let het = SweepCLIFixtures.smallCluster().replacingOccurrences(of: "nodes: 1\n  gpus_per_node: 8", with: groups)
        #expect(het.contains("node_groups"))
        let scenario = try RunsCLIFixtures.write(het, "het.yaml", in: dir)
        let plan = try runColosim(["plan", scenario, "--policies", "shared", "--json", "--quiet",
                                   "--db", dir.appendingPathComponent("p.sqlite").path])
        #expect(plan.exitCode == 0, "\(plan.stderr)")
        let p = (SweepCLIFixtures.object(plan.stdout)["plans"] as? [[String: Any]])?.first ?? [:]
        #expect(p["search"] as? String == "span")
        #expect(p["gpus"] as? Int == 4, "\(p)")
        let evidence = p["evidence"] as? [[String: Any]] ?? []
        #expect(evidence.count == 2 && evidence.first?["spanned_from_gpus"] as? Int == 16 && evidence.last?["gpus"] as? Int == 16)
        let cut = try RunsCLIFixtures.write(het.replacingOccurrences(of: groups, with: "node_groups: [{count: 2, gpus_per_node: 2}]"),
                                            "cut.yaml", in: dir)
        let run = try runColosim(["run", "--no-store", cut, "--json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(SweepCLIFixtures.object(run.stdout)["digest"] as? String == evidence.last?["digest"] as? String)
        // bisect over a node_groups cluster cuts its node list in node order: the same answer.
        let bisect = try runColosim(["plan", scenario, "--policies", "shared", "--search", "bisect", "--max-density", "0",
                                     "--json", "--quiet", "--db", dir.appendingPathComponent("b.sqlite").path])
        #expect(bisect.exitCode == 0, "\(bisect.stderr)")
        let b = (SweepCLIFixtures.object(bisect.stdout)["plans"] as? [[String: Any]])?.first ?? [:]
        #expect(b["search"] as? String == "bisect" && b["gpus"] as? Int == 4, "\(b)")
        let bad = try runColosim(["plan", scenario, "--search", "guess", "--db", dir.appendingPathComponent("x.sqlite").path])
        #expect(bad.exitCode == 2 && bad.stderr.contains("--search"), "\(bad.stderr)")
    }

    /// `shared` packs its LS pods as densely as the SLA allows (the scenario's gpu_milli is not the
    /// answer): with a 12 ms p99 target on the validation cluster one replica per GPU keeps it (10.9 ms)
    /// and two per GPU do not (13.3 ms). The answer and the next density are checked by `colosim run`
    /// with each service's gpu_milli set to 1000/k.
    @Test func sharedDensityIsTheDensestPackingThatKeepsTheSLA() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let scenario = repositoryRoot().appendingPathComponent("scenarios/validation/shared.yaml").path
        for sla in ["12", "50"] {
            let r = try runColosim(["plan", scenario, "--policies", "shared", "--sla-p99", sla, "--max-density", "4", "--json",
                                    "--db", dir.appendingPathComponent("d\(sla).sqlite").path])
            #expect(r.exitCode == 0, "\(r.stderr)")
            let plan = (SweepCLIFixtures.object(r.stdout)["plans"] as? [[String: Any]])?.first ?? [:]
            let density = plan["density"] as? [String: Any] ?? [:]
            let k = try #require(density["pods_per_gpu"] as? Int)
            #expect(density["gpu_milli"] as? Int == 1000 / k)
            func p99(_ pods: Int) throws -> Double {
                let out = SweepCLIFixtures.object(try runColosim(["run", "--no-store", scenario, "--policy", "shared", "--json",
                                                                  "--set", "services.0.gpu_milli=\(1000 / pods)"]).stdout)
                return (out["services"] as? [[String: Any]])?.first?["p99_ms"] as? Double ?? .nan
            }
            let target = Double(sla) ?? 0
            #expect(try p99(k) <= target)
            if k < 4 { #expect(try p99(k + 1) > target) }
            if sla == "12" { #expect(k == 1) } else { #expect(k > 1) }
        }
    }

    /// The LS SLA alone lets `dedicated` give every GPU to the replicas (6 GPUs, BE work 0); with
    /// `--min-be-work 0.99` the answer must also do 99 % of the BE work done with every GPU, and the run
    /// one GPU short must not.
    @Test func beWorkTargetAddsTheGPUsBEJobsNeed() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let scenario = try RunsCLIFixtures.write(SweepCLIFixtures.smallCluster(), "small.yaml", in: dir)
        func plan(_ extra: [String]) throws -> [String: Any] {
            let r = try runColosim(["plan", scenario, "--policies", "dedicated", "--json", "--db",
                                    dir.appendingPathComponent("b\(extra.count).sqlite").path] + extra)
            #expect(r.exitCode == 0, "\(r.stderr)")
            return (SweepCLIFixtures.object(r.stdout)["plans"] as? [[String: Any]])?.first ?? [:]
        }
        let lsOnly = try plan([])
        #expect(lsOnly["gpus"] as? Int == 6)
        let at6 = (lsOnly["evidence"] as? [[String: Any]] ?? []).first { $0["gpus"] as? Int == 6 }
        #expect((at6?["be_work_share"] as? Double ?? 1) < 0.5)
        let withBE = try plan(["--min-be-work", "0.99"])
        let n = try #require(withBE["gpus"] as? Int)
        #expect(n > 6)
        let evidence = withBE["evidence"] as? [[String: Any]] ?? []
        let atN = try #require(evidence.first { $0["gpus"] as? Int == n })
        #expect((atN["be_work_share"] as? Double ?? 0) >= 0.99)
        let below = try #require(evidence.first { $0["gpus"] as? Int == n - 1 })
        #expect(below["sla_met"] as? Bool == false)
        #expect(try runColosim(["plan", scenario, "--min-be-work", "1.5", "--db", dir.appendingPathComponent("x.sqlite").path]).exitCode == 2)
    }

    @Test func utilizationTargetOutOfReachHasNoAnswer() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let scenario = try RunsCLIFixtures.write(SweepCLIFixtures.smallCluster(), "small.yaml", in: dir)
        let r = try runColosim(["plan", scenario, "--policies", "dedicated", "--min-utilization", "0.9", "--json",
                                "--db", dir.appendingPathComponent("p.sqlite").path])
        #expect(r.exitCode == 0)
        let plan = (SweepCLIFixtures.object(r.stdout)["plans"] as? [[String: Any]])?.first ?? [:]
        #expect(plan["gpus"] is NSNull)
        #expect(plan["sla_gpus"] as? Int == 6)
        #expect((plan["problem"] as? String ?? "").contains("utilization"))
    }

    @Test func singleGPUScenariosAndBadFlagsExitTwo() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let db = dir.appendingPathComponent("p.sqlite").path
        #expect(try runColosim(["plan", "scenarios/v100-tune-ls-be.yaml", "--db", db]).exitCode == 2)
        let scenario = try RunsCLIFixtures.write(SweepCLIFixtures.smallCluster(), "small.yaml", in: dir)
        #expect(try runColosim(["plan", scenario, "--sla-p99", "-1", "--db", db]).exitCode == 2)
        #expect(try runColosim(["plan", scenario, "--policies", "nosuch", "--db", db]).exitCode == 2)
        #expect(try runColosim(["plan", scenario, "--min-gpus", "9", "--max-gpus", "4", "--db", db]).exitCode == 2)
    }
}
