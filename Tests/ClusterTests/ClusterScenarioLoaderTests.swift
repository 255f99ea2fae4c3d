import Foundation
import Scenario
import Scheduling
import Simulator
import Testing

/// Cluster scenario files: schema checks with file:line:field errors, and tidal's negative control.
struct ClusterScenarioLoaderTests {
    let good = """
    schema: cluster
    duration_s: 3600
    policy: tidal
    cluster: {nodes: 1, gpus_per_node: 4}
    services:
      - name: s
        load: {diurnal: {mean_rps: 3000, peak_to_trough: 4, peak_hour: 14}}
        p99_ms: 30
        tidal: {capacity_rps: 1400, headroom: 1.2}
    jobs:
      - {name: t, kind: training, count: 2, work_s: 1000, checkpoint_every: 100}
    """

    @Test func loadsAndBuildsTheConfig() throws {
        let s = try ClusterScenarioLoader.parse(yaml: good, file: "good.yaml")
        let c = try s.simulationConfig()
        #expect(c.gpuCount == 4 && c.policy == .tidal && c.jobs.count == 2 && c.services.count == 1)
        #expect(try s.simulationConfig(policy: .shared).policy == .shared)
    }

    /// `response.be_grid` quantises BE demand on its own grid: parsed into the config, and a coarser
    /// grid gives fewer distinct states to evaluate (same run otherwise).
    @Test func beGridIsParsedAndCoarsensBEStates() throws {
        let yaml = good.replacingOccurrences(of: "policy: tidal", with: "policy: shared\nresponse: {window_s: 2, be_grid: 0.25}")
            .replacingOccurrences(of: "kind: training, count: 2, work_s: 1000, checkpoint_every: 100",
                                  with: "kind: data-processing, count: 3, gpu_milli: 250")
        let s = try ClusterScenarioLoader.parse(yaml: yaml, file: "g.yaml")
        var coarse = try s.simulationConfig()
        #expect(coarse.beLoadGrid == 0.25)
        coarse.duration = 900
        var fine = coarse
        fine.beLoadGrid = nil
        let a = try ClusterSimulation.run(coarse), b = try ClusterSimulation.run(fine)
        #expect(a.statesEvaluated < b.statesEvaluated, "\(a.statesEvaluated) vs \(b.statesEvaluated)")
        #expect(throws: ScenarioError.self) {
            try ClusterScenarioLoader.parse(yaml: yaml.replacingOccurrences(of: "be_grid: 0.25", with: "be_grid: 0.9"), file: "g.yaml")
        }
    }

    /// A response belongs to its evaluation window: a run over another window (`response.window_s`,
    /// or `be_window_s` for states without LS pods) must evaluate its states again, never reuse the
    /// cached responses of the first window.
    @Test func responsesAreCachedPerWindow() throws {
        let s = try ClusterScenarioLoader.parse(yaml: good.replacingOccurrences(of: "policy: tidal", with: "policy: shared"), file: "w.yaml")
        var a = try s.simulationConfig()
        a.duration = 300
        a.responseWindow = 2
        a.responseCache = ResponseCache()
        let first = try ClusterSimulation.run(a)
        #expect(first.statesEvaluated > 0)
        #expect(try ClusterSimulation.run(a).statesEvaluated == 0)
        var b = a
        b.responseWindow = 3
        #expect(try ClusterSimulation.run(b).statesEvaluated > 0)
        var c = a
        c.beResponseWindow = 1
        let beOnly = try ClusterSimulation.run(c)
        #expect(beOnly.statesEvaluated > 0 && beOnly.statesEvaluated < first.statesEvaluated)
    }

    /// `cluster.node_groups` describes nodes that differ: the layout, GPU count and per-GPU memory
    /// reach the scheduler, bindings name GPUs of the real layout, and a run binds no pod outside it.
    @Test func nodeGroupsDescribeAHeterogeneousCluster() throws {
        let yaml = """
        schema: cluster
        duration_s: 600
        policy: dedicated
        cluster:
          node_groups:
            - {count: 1, gpus_per_node: 1}
            - {count: 2, gpus_per_node: 4, gpu_memory_mib: 32768}
        services:
          - name: s
            replicas: 9
            load: {poisson_rps: 50}
            p99_ms: 50
            bindings: [{node: 2, gpu: 3}]
        """
        let s = try ClusterScenarioLoader.parse(yaml: yaml, file: "het.yaml")
        let c = try s.simulationConfig()
        #expect(c.nodeLayout == [1, 4, 4] && c.gpuCount == 9 && c.nodes == 3 && c.gpusPerNode == 4)
        #expect(c.services[0].pinnedGPUs == [8])
        let colo = c.effectiveColocation
        #expect(colo.nodeLayout == [1, 4, 4])
        #expect((0..<9).map { colo.memoryMiB(ofGPU: $0) } == [16_384] + Array(repeating: 32_768, count: 8))
        let r = try ClusterSimulation.run(c)
        #expect(r.gpusUsedPeak == 9)
        #expect(r.services[0].unservedFraction == 0)
        let both = yaml.replacingOccurrences(of: "  node_groups:", with: "  nodes: 2\n  node_groups:")
        #expect(throws: ScenarioError.self) { try ClusterScenarioLoader.parse(yaml: both, file: "het.yaml") }
        let bad = yaml.replacingOccurrences(of: "{count: 1, gpus_per_node: 1}", with: "{count: 1, gpus_per_node: 65}")
        #expect(throws: ScenarioError.self) { try ClusterScenarioLoader.parse(yaml: bad, file: "het.yaml") }
    }

    /// A node group's `profile` is the device of its GPUs: its states are the node model's on that
    /// device (two identical replicas on a V100 and a T4 are two states; on two V100s, one), and the
    /// group's memory defaults to the device's (the T4's 16 GiB).
    @Test func nodeGroupProfilesAreTheDevicesOfTheirGPUs() throws {
        let yaml = """
        schema: cluster
        duration_s: 600
        policy: dedicated
        cluster:
          profile: v100-32gb
          node_groups:
            - {count: 1, gpus_per_node: 1}
            - {count: 1, gpus_per_node: 1, profile: t4}
        services:
          - name: s
            replicas: 2
            load: {poisson_rps: 60}
            p99_ms: 200
        """
        let s = try ClusterScenarioLoader.parse(yaml: yaml, file: "prof.yaml")
        let c = try s.simulationConfig()
        #expect(c.profile(ofGPU: 0).name == "v100-32gb" && c.profile(ofGPU: 1).name == "t4")
        let colo = c.effectiveColocation
        #expect(colo.memoryMiB(ofGPU: 0) == 32_768 && colo.memoryMiB(ofGPU: 1) == 16_384)
        let mixed = try ClusterSimulation.run(c)
        let same = try ClusterSimulation.run(try ClusterScenarioLoader.parse(
            yaml: yaml.replacingOccurrences(of: ", profile: t4}", with: "}"), file: "prof.yaml").simulationConfig())
        #expect(mixed.gpusUsedPeak == 2 && same.gpusUsedPeak == 2)
        #expect(same.statesEvaluated == 1 && mixed.statesEvaluated == 2, "\(same.statesEvaluated) vs \(mixed.statesEvaluated)")
    }

    /// The progress callback sees every step, in order, up to the run's end, with the states evaluated
    /// so far; it never changes the run.
    @Test func progressIsReportedAfterEveryStepAndChangesNothing() throws {
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var all: [ClusterProgress] = []
            func add(_ p: ClusterProgress) { lock.lock(); all.append(p); lock.unlock() }
        }
        let s = try ClusterScenarioLoader.parse(yaml: good.replacingOccurrences(of: "policy: tidal", with: "policy: shared"), file: "p.yaml")
        var config = try s.simulationConfig()
        config.duration = 600
        let plain = try ClusterSimulation.run(config)
        let seen = Seen()
        config.progress = { seen.add($0) }
        let watched = try ClusterSimulation.run(config)
        #expect(watched.digest == plain.digest)
        #expect(seen.all.count == Int((600 / config.step).rounded(.up)))
        #expect(zip(seen.all, seen.all.dropFirst()).allSatisfy { $0.simulatedSeconds < $1.simulatedSeconds
            && $0.statesEvaluated <= $1.statesEvaluated })
        let last = try #require(seen.all.last)
        #expect(last.simulatedSeconds == 600 && last.fraction == 1)
        #expect(last.statesEvaluated == watched.statesEvaluated)
    }

    @Test(arguments: [
        ("policy: tidal", "policy: tidel", 3, "policy"),
        ("p99_ms: 30", "p99_ms: -30", 8, "services[0].p99_ms"),
        ("jobs:\n", "jobz:\n", 10, "jobz"),
        ("work_s: 1000", "work_s: lots", 11, "jobs[0].work_s"),
    ])
    func rejectsBadFieldsWithTheirLine(_ from: String, _ to: String, _ line: Int, _ field: String) {
        let yaml = good.replacingOccurrences(of: from, with: to)
        do {
            _ = try ClusterScenarioLoader.parse(yaml: yaml, file: "bad.yaml")
            Issue.record("accepted \(to)")
        } catch let e as ScenarioError {
            #expect(e.file == "bad.yaml" && e.line == line && e.field == field, "\(e)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func tidalWithoutHeadroomAndSlowStartMissesTheRampUp() throws {
        // Control for the tidal-diurnal must-show: the same service scaled reactively (no forecast),
        // without headroom, sized at 98 % of a replica's peak and with a 30-minute start-up falls
        // behind the morning ramp, so the SLA check is not vacuous.
        let slow = good.replacingOccurrences(of: "duration_s: 3600", with: "duration_s: 43200")
            .replacingOccurrences(of: "headroom: 1.2", with: "headroom: 1.0")
            .replacingOccurrences(of: "capacity_rps: 1400", with: "capacity_rps: 2000")
            .replacingOccurrences(of: "policy: tidal", with: "policy: tidal\ntidal: {scale_interval_s: 1800, replica_startup_s: 1800, forecast: false}")
            .replacingOccurrences(of: "nodes: 1", with: "nodes: 2")
        var c = try ClusterScenarioLoader.parse(yaml: slow, file: "slow.yaml").simulationConfig()
        c.responseWindow = 5
        let r = try ClusterSimulation.run(c)
        #expect(!r.services[0].slaMet, "p99 \(r.services[0].p99), unserved \(r.services[0].unservedFraction)")
        var forecast = c
        forecast.forecast = true
        forecast.replicaStartup = 60
        forecast.colocation.tidalServices = []
        forecast.services[0].tidal = TidalService(capacityPerReplica: 1400, headroom: 1.2)
        let f = try ClusterSimulation.run(forecast)
        #expect(f.services[0].slaMet, "p99 \(f.services[0].p99), unserved \(f.services[0].unservedFraction)")
    }
}
