import ColoModel
import Foundation
import Isolation
import Testing
import TestSupport
@testable import Scenario

@Suite struct ScenarioLoaderTests {
    let base = """
    name: t
    duration_s: 2
    isolation:
      engine: kernel-mode
      kernel_mode:
        policy: fixed
    containers:
      - name: a
        weight: 20
        memory_gib: 1.5
        workloads:
          - name: w
            kind: kernels
            arrival: poisson
            rate_per_s: 100
            kernel: {work_us: 500, grid_blocks: 64}
      - name: b
        weight: 80
        workloads:
          - name: v
            kind: codec
            engine: nvenc
    """

    func load(_ text: String) throws -> Scenario { try ScenarioLoader.parse(yaml: text, file: "s.yaml") }

    func error(_ text: String) -> ScenarioError? {
        do { _ = try load(text); return nil } catch let e as ScenarioError { return e } catch { return nil }
    }

    @Test func validScenarioLoadsWithDefaultsAndKernelModeQuotaRounding() throws {
        let s = try load(base)
        #expect(s.profile.name == "v100-sxm2-16gb")
        #expect(s.duration == .seconds(2))
        #expect(s.containers.map(\.name) == ["a", "b"])
        #expect(s.containers[0].memoryQuotaBytes == 2 << 30)   // 1.5 GiB rounded up to 1 GiB steps (qGPU)
        #expect(s.configuredShares == [0.2, 0.8])
        guard case .kernelMode(.fixed, _, nil) = s.isolation else { Issue.record("engine"); return }
        guard case .kernels(let k) = s.containers[0].workloads[0].kind else { Issue.record("kind"); return }
        #expect(k.arrival == .poisson(ratePerSecond: 100))
        #expect(k.kernel.gridBlocks == 64 && k.kernel.work == .microseconds(500))
    }

    @Test func unknownKeyIsReportedWithLineAndField() {
        let bad = base.replacingOccurrences(of: "weight: 80", with: "wieght: 80")
        let e = error(bad)
        #expect(e?.line == 18)
        #expect(e?.field == "containers[1].wieght")
        #expect(e?.message.contains("did you mean 'weight'") == true)
    }

    @Test func unknownNestedKeyInsideFlowMapping() {
        let e = error(base.replacingOccurrences(of: "grid_blocks: 64", with: "grid_block: 64"))
        #expect(e?.line == 16)
        #expect(e?.field == "containers[0].workloads[0].kernel.grid_block")
    }

    @Test func wrongTypeIsReported() {
        let e = error(base.replacingOccurrences(of: "rate_per_s: 100", with: "rate_per_s: fast"))
        #expect(e?.line == 15)
        #expect(e?.field == "containers[0].workloads[0].rate_per_s")
        #expect(e?.message.contains("expected a number") == true)
        let e2 = error(base.replacingOccurrences(of: "duration_s: 2", with: "duration_s: [2]"))
        #expect(e2?.line == 2 && e2?.field == "duration_s")
    }

    @Test func impossibleValuesAreReported() {
        let e = error(base.replacingOccurrences(of: "weight: 20", with: "weight: -1"))
        #expect(e?.line == 9)
        #expect(e?.field == "containers[0].weight")
        #expect(e?.message == "must be > 0, got -1")
        #expect(error(base.replacingOccurrences(of: "policy: fixed", with: "policy: lottery"))?.field
                == "isolation.kernel_mode.policy")
        #expect(error(base.replacingOccurrences(of: "memory_gib: 1.5", with: "memory_gib: 17"))?.field
                == "containers[0].memory_gib")
        #expect(error(base.replacingOccurrences(of: "engine: nvenc", with: "engine: nvjpg"))?.line == 22)
    }

    @Test func simulatorChecksAreMappedBackToLines() {
        // The override makes the device lose its NVENC engines: the simulator rejects the codec stream.
        let text = base.replacingOccurrences(of: "isolation:", with: "device:\n  override: {nvenc_engines: 0}\nisolation:")
        let e = error(text)
        #expect(e?.field?.hasPrefix("containers[1].workloads[0]") == true)
        #expect(e?.line != nil)
    }

    @Test func missingAndDuplicateKeys() {
        #expect(error(base.replacingOccurrences(of: "duration_s: 2\n", with: ""))?.field == "duration_s")
        let dup = error(base + "\nname: again")
        #expect(dup?.message.contains("duplicate key") == true)
        #expect(dup?.line == 23)
        #expect(error(base.replacingOccurrences(of: "- name: b", with: "- name: a"))?.message.contains("duplicate container") == true)
    }

    @Test func kernelModeHostsAtMost16Containers() {
        var text = "duration_s: 1\nisolation: {engine: kernel-mode}\ncontainers:\n"
        for i in 0..<17 { text += "  - {name: c\(i), workloads: [{name: w\(i), kind: codec, engine: nvenc}]}\n" }
        #expect(error(text)?.field == "containers")
    }

    @Test func everyShippedScenarioLoads() throws {
        let dir = repositoryRoot().appendingPathComponent("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }
        var singleGPU = 0
        for f in files {
            let path = dir.appendingPathComponent(f).path
            // Cluster and multi-scheduler files have their own loader (ClusterScenarioTests).
            if let schema = ClusterScenarioLoader.schema(ofFile: path), schema != "single-gpu" { continue }
            singleGPU += 1
            #expect(throws: Never.self) { _ = try ScenarioLoader.load(path: path) }
        }
        #expect(singleGPU >= 10)
    }

    @Test func userModeParametersComeFromTheProfileAndTheFile() throws {
        let s = try load("""
        duration_s: 1
        device: {profile: h200}
        isolation:
          engine: user-mode
          user_mode: {policy: force, detection_period_ms: 500, step_scaling: linear}
        containers:
          - {name: a, limit_percent: 30, workloads: [{name: w, kind: kernels, kernel: {work_us: 10}}]}
        """)
        guard case .userMode(let p) = s.isolation else { Issue.record("engine"); return }
        #expect(p.policy == .force && p.detectionPeriodNs == 500_000_000 && p.stepScaling == .linear)
        #expect(p.smCount == 132)
        #expect(s.configuredShares == [0.3])
    }
}
