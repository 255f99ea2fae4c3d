import ColosimCLI
import Experiments
import Foundation
import Testing
import TestSupport

@Suite struct ScenarioOverridesTests {
    let path = repositoryRoot().appendingPathComponent("scenarios/v100-tune-ls-be.yaml").path

    @Test func setsAWeightByContainerNameAndByIndex() throws {
        let runner = try ScenarioRunner(path: path)
        let byName = try runner.effectiveText(ScenarioOverrides(parameters: [.init(path: "containers.offline.weight", value: "3")]))
        let byIndex = try runner.effectiveText(ScenarioOverrides(parameters: [.init(path: "containers.1.weight", value: "3")]))
        #expect(byName == byIndex)
        #expect(byName.contains("weight: 3"))
        #expect(byName != runner.text)
    }

    @Test func noOverridesKeepTheTextVerbatim() throws {
        let runner = try ScenarioRunner(path: path)
        #expect(try runner.effectiveText(ScenarioOverrides(seed: 9)) == runner.text)
    }

    @Test func overridesChangeTheRunAndTheRecordedText() throws {
        let runner = try ScenarioRunner(path: path)
        let a = try runner.run(ScenarioOverrides(parameters: [.init(path: "duration_s", value: "0.5")]))
        let b = try runner.run(ScenarioOverrides(parameters: [.init(path: "duration_s", value: "0.5"),
                                                              .init(path: "containers.offline.weight", value: "3")]))
        #expect(a.metrics.digest != b.metrics.digest)
        // Fixed shares 1:1 vs 1:3 — the BE container's capped share rises, so does its throughput.
        #expect(b.metrics.beThroughput > a.metrics.beThroughput)
        #expect(b.record.scenarioText.contains("weight: 3"))
        // Determinism: the same overrides give the same digest.
        let again = try runner.run(ScenarioOverrides(parameters: [.init(path: "duration_s", value: "0.5")]))
        #expect(again.metrics.digest == a.metrics.digest)
    }

    @Test func createsMissingSectionsAndMapsPolicies() throws {
        let runner = try ScenarioRunner(path: path)
        let t = try runner.effectiveText(ScenarioOverrides(policy: "burst", parameters: [.init(path: "isolation.kernel_mode.slice_ms", value: "4")]))
        #expect(t.contains("policy: burst"))
        #expect(t.contains("slice_ms: 4"))
        let r = try runner.run(ScenarioOverrides(policy: "burst", parameters: [.init(path: "duration_s", value: "0.3")]))
        #expect(r.metrics.policy == "burst")
        #expect(r.record.policy == "burst")
    }

    @Test func badOverridesAreInputErrors() throws {
        let runner = try ScenarioRunner(path: path)
        #expect(throws: InputError.self) { try runner.effectiveText(ScenarioOverrides(parameters: [.init(path: "containers.nosuch.weight", value: "1")])) }
        #expect(throws: InputError.self) { try runner.effectiveText(ScenarioOverrides(policy: "nosuch")) }
        #expect(throws: InputError.self) { try runner.effectiveText(ScenarioOverrides(gpus: 4)) }
        #expect(throws: InputError.self) { try runner.effectiveText(ScenarioOverrides(parameters: [.init(path: "seed.x", value: "1")])) }
        #expect(throws: InputError.self) { try runner.run(ScenarioOverrides(parameters: [.init(path: "containers.online.wieght", value: "1")])) }
        #expect(ScenarioOverrides.Parameter(assignment: "=3") == nil)
        #expect(ScenarioOverrides.Parameter(assignment: "a.b=c=d")?.value == "c=d")
    }
}
