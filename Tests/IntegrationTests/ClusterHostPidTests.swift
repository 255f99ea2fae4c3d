import Foundation
import Testing
import TestSupport

/// Issue 11, must-show 3: a cluster run under `shared` (the user-mode engine on every GPU) inherits
/// the engine's 10/90 starvation through the node model, decided by HAMi-core's host-pid race when
/// the pods start (`scenarios/h200-shared-10-90.yaml`, run through `colosim run --json`).
@Suite(.serialized) struct ClusterHostPidTests {
    struct Job {
        let work: Double
        let hostPidOf: String?
    }

    func jobs(fidelity: String) throws -> [String: Job] {
        let r = try runColosim(["run", "--no-store", "scenarios/h200-shared-10-90.yaml", "--fidelity", fidelity, "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let list = obj?["jobs"] as? [[String: Any]] ?? []
        var out: [String: Job] = [:]
        for j in list {
            guard let name = j["name"] as? String else { continue }
            out[name] = Job(work: (j["work_done_s"] as? NSNumber)?.doubleValue ?? .nan, hostPidOf: j["host_pid_of"] as? String)
        }
        #expect(out.count == 6, "\(out.keys.sorted())")
        return out
    }

    /// Measured on an H200 (run 1, the 10 % process read the 90 % one's pid): 0.75 % / 99.3 % of solo.
    /// Pair a reproduces it at both fidelities: the 10 % job does under 2 % of the pair's work. Pair b
    /// (the race won by the 10 % job) keeps the 10 % job well above that, and pair c (started 1 s
    /// apart: no race) reads its own pids.
    @Test(arguments: ["response", "event"])
    func theLoserOfTheRaceStarves(fidelity: String) throws {
        let j = try jobs(fidelity: fidelity)
        let a90 = try #require(j["a-90"]), a10 = try #require(j["a-10"])
        #expect(a10.hostPidOf == "a-90")
        #expect(a90.hostPidOf == nil)
        #expect(a10.work / (a10.work + a90.work) < 0.02, "a-10 did \(a10.work) s beside \(a90.work) s")
        let b10 = try #require(j["b-10"]), b90 = try #require(j["b-90"])
        #expect(b90.hostPidOf == "b-10")
        #expect(b10.work / (b10.work + b90.work) > 0.10, "b-10 did \(b10.work) s beside \(b90.work) s")
        let c10 = try #require(j["c-10"]), c90 = try #require(j["c-90"])
        #expect(c10.hostPidOf == nil && c90.hostPidOf == nil)
        #expect(c10.work > 0.10 * a90.work)
    }
}
