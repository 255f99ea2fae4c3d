import ColoModel
import Foundation
import Scenario
import Scheduling
import Simulator
import Testing
import Workload

/// What the fleet scenario needs from the cluster model: devices of different speed, replicas that
/// are replaced when their pods end (churn) and BE jobs submitted again when they finish.
@Suite struct FleetChurnTests {
    // MARK: relative device speed

    /// Hand-worked: a T4 takes 0.7 / (8.1 / 15.7) + 0.3 / (320 / 900) = 1.3568 + 0.8438 = 2.2005 s for
    /// one second of V100 work with 30 % DRAM-bound time; the reference device exactly 1.
    @Test func workTimeFactorIsTheRooflineMixture() {
        #expect(DeviceProfile.v100SXM2_16GB.workTimeFactor(dramFraction: 0.3) == 1)
        #expect(DeviceProfile.v100_32GB.workTimeFactor(dramFraction: 0.9) == 1)
        let t4 = DeviceProfile.t4.workTimeFactor(dramFraction: 0.3)
        #expect(abs(t4 - (0.7 / (8.1 / 15.7) + 0.3 / (320.0 / 900.0))) < 1e-12)
        #expect(abs(t4 - 2.2005) < 1e-4)
        // All compute: the FP32 ratio alone; all DRAM: the bandwidth ratio alone.
        #expect(abs(DeviceProfile.h200.workTimeFactor(dramFraction: 0) - 15.7 / 67.0) < 1e-12)
        #expect(abs(DeviceProfile.p100.workTimeFactor(dramFraction: 1) - 900.0 / 732.0) < 1e-12)
    }

    /// A training job alone on a T4 progresses 1 / 2.2 as fast as on a V100 (the node model runs
    /// its kernels 2.2× longer; its progress stays in V100 seconds), and keeps the T4 as busy.
    @Test func aSlowerDeviceProgressesATrainingJobMoreSlowly() throws {
        let pod = NodePod(work: .training(ClusterModelProbe.beKernel(on: .v100SXM2_16GB)), priority: .bestEffort)
        let v100 = try NodeModel.evaluate(NodeColocationState(profile: .v100SXM2_16GB, isolation: .none, pods: [pod]),
                                          window: 1, seed: 3)
        let t4Pod = NodePod(work: .training(ClusterModelProbe.beKernel(on: .t4)), priority: .bestEffort)
        let t4 = try NodeModel.evaluate(NodeColocationState(profile: .t4, isolation: .none, pods: [t4Pod]),
                                        window: 1, seed: 3)
        let f = DeviceProfile.t4.workTimeFactor(dramFraction: 0.3)
        #expect(abs(v100.pods[0].workPerSecond - 1) < 0.01)
        #expect(abs(t4.pods[0].workPerSecond - 1 / f) < 0.01, "\(t4.pods[0].workPerSecond) vs \(1 / f)")
        #expect(t4.utilization > 0.99)
    }

    // MARK: churn

    static let churnYAML = """
    schema: cluster
    duration_s: 350
    step_s: 10
    policy: dedicated
    tidal: {replica_startup_s: 60}
    cluster: {nodes: 1, gpus_per_node: 2}
    services:
      - name: s
        replicas: 1
        load: {poisson_rps: 50}
        p99_ms: 100
        lifetimes_s: [100]
    """

    /// Hand-worked: a replica whose pods live 100 s is replaced at 100, 200 and 300 s; each
    /// replacement starts 60 s before (on the free GPU), so two replicas are placed for 3 × 60 s:
    /// replica-seconds 350 + 180, mean 530 / 350. Every request is served.
    @Test func replicasAreReplacedWithSurgeWhenTheirPodsEnd() throws {
        let r = try ClusterSimulation.run(try ClusterScenarioLoader.parse(yaml: Self.churnYAML, file: "churn.yaml").simulationConfig())
        let s = try #require(r.services.first)
        #expect(abs(s.replicasMean - 530.0 / 350.0) < 1e-9, "\(s.replicasMean)")
        #expect(s.replicasPeak == 2 && s.unserved == 0 && s.requests > 0)
    }

    /// With one GPU the replacement waits in the queue until its predecessor's pod ends, then takes
    /// the GPU at once: one replica placed at every step, nothing unserved (the scheduler removes a
    /// pod that ends from its GPU and places the queued one).
    @Test func aReplacementThatDoesNotFitWaitsForItsPredecessor() throws {
        let yaml = Self.churnYAML.replacingOccurrences(of: "gpus_per_node: 2", with: "gpus_per_node: 1")
        let r = try ClusterSimulation.run(try ClusterScenarioLoader.parse(yaml: yaml, file: "churn.yaml").simulationConfig())
        let s = try #require(r.services.first)
        #expect(s.replicasMean == 1 && s.replicasPeak == 1 && s.unserved == 0, "\(s.replicasMean) \(s.unserved)")
    }

    /// A pod deleted while it waits leaves the queue and frees nothing.
    @Test func finishingAQueuedPodRemovesItFromTheQueue() {
        var sched = ColocationPolicyKind.dedicated.make(ColocationConfig(kind: .dedicated, gpuCount: 1, gpusPerNode: 1))
        let a = ColocationPod(id: 1, priorityClass: .latencySensitive, gpuMilli: 1000, memoryMiB: 0, weight: 1)
        let b = ColocationPod(id: 2, priorityClass: .latencySensitive, gpuMilli: 1000, memoryMiB: 0, weight: 1)
        #expect(sched.handle(.submit(a), now: 0) == [.bind(pod: 1, gpu: 0)])
        #expect(sched.handle(.submit(b), now: 0) == [.queued(pod: 2)])
        #expect(sched.handle(.finish(pod: 2), now: 1).isEmpty)
        #expect(sched.queue.pods.isEmpty)
        #expect(sched.handle(.finish(pod: 1), now: 2).isEmpty)
    }

    // MARK: resubmitted jobs

    /// Hand-worked: a job whose runtimes are all 95 s, alone on a V100 (1 GPU·s per second, less a
    /// launch latency), resubmitted when it ends: instance k is submitted at 100k (the step after the
    /// previous one ended) and ends at 100k + 95, so ten finish in 1000 s with 950 GPU·s of work and a
    /// mean completion time of 95 s.
    @Test func aResubmittedJobRunsOneInstanceAfterAnother() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("colosim-churn-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "runtime\n95\n95\n".write(to: dir.appendingPathComponent("rt.csv"), atomically: true, encoding: .utf8)
        let yaml = """
        schema: cluster
        duration_s: 1000
        step_s: 10
        policy: dedicated
        cluster: {nodes: 1, gpus_per_node: 1}
        jobs:
          - {name: j, kind: training, runtimes: {path: rt.csv}, resubmit: true}
        """
        let file = dir.appendingPathComponent("j.yaml").path
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        let r = try ClusterSimulation.run(try ClusterScenarioLoader.load(path: file).simulationConfig())
        let j = try #require(r.jobs.first)
        #expect(j.instancesDone == 10 && j.resubmits, "\(j.instancesDone)")
        #expect(abs(j.workDone - 950) < 1, "\(j.workDone)")
        #expect(abs((j.completionTime ?? 0) - 95) < 0.5, "\(String(describing: j.completionTime))")
    }

    /// Draws depend only on seed, job and instance, and come from the list.
    @Test func runtimeDrawsAreDeterministicAndFromTheList() {
        let list = [3.0, 50, 700, 12_000]
        var seen = Set<Double>()
        for i in 0..<200 {
            let a = RuntimeDraw.runtime(from: list, seed: 7, job: 3, instance: i)
            #expect(a == RuntimeDraw.runtime(from: list, seed: 7, job: 3, instance: i))
            if let a { seen.insert(a) }
        }
        #expect(seen == Set(list))
        #expect(RuntimeDraw.runtime(from: [], seed: 1, job: 0, instance: 0) == nil)
        #expect(RuntimeDraw.runtime(from: [0], seed: 1, job: 0, instance: 0) == 1)
    }

    /// Churn keys are checked: negative lifetimes, `work_s` with `runtimes`, `resubmit` on a job
    /// that is not training, lifetimes with tidal.
    @Test func churnKeysAreChecked() {
        func fails(_ yaml: String, _ field: String) {
            do {
                _ = try ClusterScenarioLoader.parse(yaml: yaml, file: "bad.yaml")
                Issue.record("accepted: \(field)")
            } catch let e as ScenarioError {
                #expect(e.field?.contains(field) == true, "\(e)")
            } catch {
                Issue.record("\(error)")
            }
        }
        fails(Self.churnYAML.replacingOccurrences(of: "[100]", with: "[100, -1]"), "lifetimes_s")
        fails(Self.churnYAML.replacingOccurrences(of: "[100]", with: "[]"), "lifetimes_s")
        fails(Self.churnYAML.replacingOccurrences(of: "[100]", with: "[100]\n    tidal: {capacity_rps: 100}"), "lifetimes_s")
        let jobs = "schema: cluster\nduration_s: 100\npolicy: dedicated\ncluster: {nodes: 1, gpus_per_node: 1}\njobs:\n"
        fails(jobs + "  - {name: j, kind: data-processing, resubmit: true}\n", "resubmit")
        fails(jobs + "  - {name: j, kind: training, work_s: 10, runtimes: {path: traces/philly_runtime_sample.csv}}\n", "runtimes")
        fails(jobs + "  - {name: j, kind: training, runtimes: {path: nowhere.csv}}\n", "path")
        // A runtime past colosim's longest run is refused with its line (it trapped converting to an
        // iteration count), and an iteration too short for the longest runtime is refused as it is for
        // work_s (the check was skipped for runtimes).
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("colosim-rt-\(UInt32.random(in: 0...UInt32.max))")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let huge = dir.appendingPathComponent("huge.csv").path
        let fine = dir.appendingPathComponent("fine.csv").path
        try? "runtime\n10\n1e300\n".write(toFile: huge, atomically: true, encoding: .utf8)
        try? "runtime\n10\n3600\n".write(toFile: fine, atomically: true, encoding: .utf8)
        do {
            _ = try ClusterScenarioLoader.parse(yaml: jobs + "  - {name: j, kind: training, runtimes: {path: \(huge)}}\n", file: "bad.yaml")
            Issue.record("accepted a runtime of 1e300 s")
        } catch let e as ScenarioError {
            #expect(e.field?.contains("runtimes.path") == true && e.message.contains("line 3"), "\(e)")
        } catch {
            Issue.record("\(error)")
        }
        fails(jobs + "  - {name: j, kind: training, runtimes: {path: \(fine)}, iteration_s: 1e-9}\n", "iteration_s")
    }
}

/// The cluster model's BE kernel, as the tests above need it on a given device.
enum ClusterModelProbe {
    static func beKernel(on profile: DeviceProfile) -> KernelShape {
        KernelShape(work: .milliseconds(5), smFraction: 1, dramFraction: 0.3,
                    gridBlocks: max(1, 4 * profile.sms), blockDuration: .microseconds(1250))
    }
}

/// `gpus_of_nodes_used`: the GPUs of the nodes that ever held a pod, not a prefix of the node list.
@Suite struct NodesUsedTests {
    /// Hand-worked: one whole-GPU replica on an 8-GPU node followed by a 1-GPU node; binpack (the node
    /// left fullest) takes the 1-GPU node, so the run needed 1 GPU, not the 9 up to that node. On a
    /// cluster of that node alone the run is the same (same p99 and requests).
    @Test func theNodesUsedAreCountedWhereverTheyAre() throws {
        let yaml = """
        schema: cluster
        duration_s: 60
        step_s: 10
        policy: dedicated
        cluster:
          node_groups: [{count: 1, gpus_per_node: 8}, {count: 1, gpus_per_node: 1}]
        services:
          - {name: s, replicas: 1, load: {poisson_rps: 50}, p99_ms: 100}
        """
        let r = try ClusterSimulation.run(try ClusterScenarioLoader.parse(yaml: yaml, file: "u.yaml").simulationConfig())
        #expect(r.gpusOfNodesUsed == 1 && r.gpusUsedPeak == 1)
        let alone = try ClusterSimulation.run(try ClusterScenarioLoader.parse(
            yaml: yaml.replacingOccurrences(of: "[{count: 1, gpus_per_node: 8}, {count: 1, gpus_per_node: 1}]",
                                            with: "[{count: 1, gpus_per_node: 1}]"), file: "u.yaml").simulationConfig())
        #expect(alone.services.map(\.p99) == r.services.map(\.p99) && alone.services.map(\.requests) == r.services.map(\.requests))
    }
}
