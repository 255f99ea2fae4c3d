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
                                "--db", dir.appendingPathComponent("p.sqlite").path])
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
