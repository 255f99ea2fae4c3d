import Foundation
import Testing
import TestSupport

/// Must-show 4 on the recsys scenario (≈ 1–3 min in a debug build, so only with `COLOSIM_HEAVY=1`): the plan's
/// answer for `shared` is checked by `colosim run` on copies of the scenario resized to N and N − 1 GPUs.
@Suite struct PlanRecsysTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["COLOSIM_HEAVY"] != nil))
    func recsysSharedAnswerCheckedAtNAndNMinusOne() throws {
        let dir = try RunsCLIFixtures.tempDir()
        let scenario = repositoryRoot().appendingPathComponent("scenarios/recsys-colocation.yaml").path
        let r = try runColosim(["plan", scenario, "--policies", "shared", "--min-utilization", "0.25", "--json",
                                "--db", dir.appendingPathComponent("p.sqlite").path])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let plan = (SweepCLIFixtures.object(r.stdout)["plans"] as? [[String: Any]])?.first ?? [:]
        let n = try #require(plan["gpus"] as? Int)
        // The plan's own packing: each service's gpu_milli at the density it found.
        let milli = try #require((plan["density"] as? [String: Any])?["gpu_milli"] as? Int)
        let text = try String(contentsOfFile: scenario, encoding: .utf8)
            .replacingOccurrences(of: "path: ../shared", with: "path: " + repositoryRoot().deletingLastPathComponent().appendingPathComponent("shared").path)
        func run(_ gpus: Int) throws -> [String: Any] {
            let t = text.replacingOccurrences(of: "nodes: 4", with: "nodes: 1")
                .replacingOccurrences(of: "gpu_milli: 500", with: "gpu_milli: \(milli)")
                .replacingOccurrences(of: "gpus_per_node: 8", with: "gpus_per_node: \(gpus)")
            let f = try RunsCLIFixtures.write(t, "recsys-\(gpus).yaml", in: dir)
            return SweepCLIFixtures.object(try runColosim(["run", "--no-store", f, "--policy", "shared", "--json"]).stdout)
        }
        let atN = try run(n), below = try run(n - 1)
        let servicesN = atN["services"] as? [[String: Any]] ?? []
        #expect((atN["summary"] as? [String: Any])?["all_sla_met"] as? Bool == true)
        #expect(servicesN.allSatisfy { ($0["replicas_mean"] as? Double) == 4 })
        #expect(((atN["summary"] as? [String: Any])?["cluster_utilization_mean"] as? Double ?? 0) >= 0.25)
        // One GPU fewer: a replica has no GPU, so part of the offered load is not served.
        let servicesBelow = below["services"] as? [[String: Any]] ?? []
        let missed = (below["summary"] as? [String: Any])?["all_sla_met"] as? Bool == false
        #expect(missed || servicesBelow.contains { ($0["replicas_mean"] as? Double ?? 4) < 4 })
    }
}
