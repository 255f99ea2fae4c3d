import Scheduling
import Simulator
import Testing
import Workload

/// A change to an isolation engine or to the scheduler's placement shows at cluster level (DESIGN §2):
/// the cluster runs the same engines and scheduler a single-GPU run and a placement replay use.
struct EngineVisibilityTests {
    static func config(_ policy: ColocationPolicyKind) -> ClusterSimulationConfig {
        let svc = ClusterServiceConfig(name: "infer", replicas: 2, load: .arrivals(.poisson(rate: 240)),
                                       latency: ClusterLatencyModel(hostTime: 0.002), p99Target: 0.05, gpuMilli: 500)
        let job = ClusterJobConfig(kind: .training(TrainingJobSpec(name: "train", submitTime: 0, iterations: 100_000,
                                                                   iterationWork: 1, iterationCV: 0, smFraction: 1,
                                                                   checkpointEvery: 0, checkpointSeconds: 0,
                                                                   restartSeconds: 0)), gpuMilli: 500)
        var c = ClusterSimulationConfig(nodes: 1, gpusPerNode: 4, policy: policy, services: [svc], jobs: [job],
                                        duration: 120, step: 30)
        c.responseWindow = 10
        return c
    }

    @Test("kernel-mode slice length changes a time-sliced cluster's digest and LS p99")
    func sliceLength() throws {
        let base = Self.config(.timeSliced)
        var longer = base
        longer.kernelMode.unitNs = 8_000_000
        let a = try ClusterSimulation.run(base), b = try ClusterSimulation.run(longer)
        #expect(a.engine == "kernel-mode")
        #expect(a.digest != b.digest)
        #expect(a.services[0].p99 != b.services[0].p99)
    }

    @Test("the user-mode watcher period changes a shared cluster's digest and LS p99")
    func watcherPeriod() throws {
        let base = Self.config(.shared)
        var slower = base
        slower.userMode.watcherPeriodNs = 480_000_000
        let a = try ClusterSimulation.run(base), b = try ClusterSimulation.run(slower)
        #expect(a.engine == "user-mode")
        #expect(a.digest != b.digest)
        #expect(a.services[0].p99 != b.services[0].p99)
    }

    @Test("placement spread instead of binpack changes the shared result")
    func placement() throws {
        let base = Self.config(.shared)
        var spread = base
        spread.placement = .spread
        let a = try ClusterSimulation.run(base), b = try ClusterSimulation.run(spread)
        #expect(a.placement == "binpack" && b.placement == "spread")
        #expect(a.digest != b.digest)
        #expect(b.gpusUsedMean > a.gpusUsedMean)
    }

    @Test("same configuration and seed give the same digest at both fidelity levels")
    func deterministic() throws {
        for f in ClusterFidelity.allCases {
            var c = Self.config(.preemptive)
            c.fidelity = f
            c.duration = 60
            #expect(try ClusterSimulation.run(c).digest == (try ClusterSimulation.run(c)).digest)
        }
    }
}
