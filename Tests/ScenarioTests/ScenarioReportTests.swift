import ColoModel
import Foundation
import Simulator
import Testing
@testable import Scenario

/// The report built from a real (short) simulation: ledger shares, weight error per demanded domain, JSON.
@Suite struct ScenarioReportTests {
    let text = """
    duration_s: 1
    warmup_s: 0.2
    isolation: {engine: kernel-mode, kernel_mode: {policy: burst}}
    containers:
      - {name: a, weight: 1, workloads: [{name: ea, kind: codec, engine: nvenc, in_flight: 6}]}
      - {name: b, weight: 3, workloads: [{name: eb, kind: codec, engine: nvenc, in_flight: 6, start_s: 0.5}]}
    """

    @Test func sharesAndWeightErrorFollowTheLedger() throws {
        let s = try ScenarioLoader.parse(yaml: text, file: "r.yaml")
        let result = try GPUSimulation.run(s.simulationConfig())
        let r = ScenarioReport(scenario: s, result: result, seed: 1)
        #expect(r.measuredFromSeconds == 0.2 && r.measuredToSeconds == 1.0)
        #expect(r.ledgerViolations.isEmpty)
        let a = r.containers[0], b = r.containers[1]
        // a alone 0.2–0.5 s (all of NVENC), then 1:3 with b: (0.3·1 + 0.5·0.25) / 0.8 ≈ 0.53.
        #expect(abs(a.achievedShare.nvenc - (0.3 + 0.5 * 0.25) / 0.8) < 0.02, "\(a.achievedShare.nvenc)")
        // b's error is measured from its first window with work (0.5 s): close to 0.
        #expect(abs((b.weightError[.nvenc] ?? 1)) < 0.02)
        #expect(a.weightError[.graphics] == nil && b.weightError[.nvdec] == nil)
        let json = try JSONSerialization.jsonObject(with: Data(r.json.utf8)) as? [String: Any]
        #expect(json?["digest"] as? String == result.digestHex)
    }
}
