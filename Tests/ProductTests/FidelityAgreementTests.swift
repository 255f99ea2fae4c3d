import ColosimCLI
import Experiments
import Foundation
import Testing
import TestSupport

/// DESIGN §9 "fidelity levels agree": every `scenarios/validation/` file, run at `event` and at
/// `response` fidelity through the same node model, agrees on utilization (within 0.02), every
/// service's p99 (within 10 %) and BE work (within 5 %).
struct FidelityAgreementTests {
    static let files = ["dedicated", "shared", "preemptive", "time-sliced", "tidal"]

    static func summary(_ file: String, fidelity: String) throws -> [String: Any] {
        let path = repositoryRoot().appendingPathComponent("scenarios/validation/\(file).yaml").path
        let runner = try ScenarioRunner(path: path)
        var o = ScenarioOverrides()
        o.fidelity = fidelity
        let out = try runner.run(o)
        let json = try JSONSerialization.jsonObject(with: Data(out.reportJSON.utf8))
        return json as? [String: Any] ?? [:]
    }

    @Test("event and response fidelity agree on every validation scenario", arguments: files)
    func agree(_ file: String) throws {
        let e = try Self.summary(file, fidelity: "event"), r = try Self.summary(file, fidelity: "response")
        let es = e["summary"] as? [String: Any] ?? [:], rs = r["summary"] as? [String: Any] ?? [:]
        #expect(es["fidelity"] as? String == "event" && rs["fidelity"] as? String == "response")
        let ue = es["gpu_utilization_mean"] as? Double ?? -1, ur = rs["gpu_utilization_mean"] as? Double ?? 1
        #expect(abs(ue - ur) <= 0.02, "utilization \(ue) vs \(ur)")
        let pe = (e["services"] as? [[String: Any]] ?? []).compactMap { $0["p99_ms"] as? Double }
        let pr = (r["services"] as? [[String: Any]] ?? []).compactMap { $0["p99_ms"] as? Double }
        #expect(!pe.isEmpty && pe.count == pr.count)
        for (a, b) in zip(pe, pr) { #expect(abs(b / a - 1) <= 0.10, "p99 \(a) vs \(b) ms") }
        let be = es["be_work_done"] as? Double ?? 0, br = rs["be_work_done"] as? Double ?? 0
        #expect(be > 0)
        #expect(abs(br / be - 1) <= 0.05, "BE work \(be) vs \(br)")
        #expect((rs["states_evaluated"] as? Int ?? 0) < (es["states_evaluated"] as? Int ?? 0))
    }
}
