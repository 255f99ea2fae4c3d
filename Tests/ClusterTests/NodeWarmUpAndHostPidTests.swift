@testable import Simulator
import ColoModel
import Isolation
import Scenario
import SimEngine
import Testing

/// The node model's warm-up (``SimulationConfig/measureFrom``), its host-pid groups and the cluster
/// BE kernel's token cost.
@Suite struct NodeWarmUpAndHostPidTests {
    static let kernel = KernelShape(work: .milliseconds(5), smFraction: 1, dramFraction: 0.3,
                                    gridBlocks: 320, blockDuration: .microseconds(1250))

    static func closedLoop(duration: SimDuration) -> SimulationConfig {
        let w = WorkloadSpec(name: "k", kind: .kernels(KernelStreamSpec(arrival: .closedLoop, kernel: kernel, inFlight: 2)))
        var config = SimulationConfig(profile: .v100SXM2_16GB,
                                      containers: [ContainerSpec(id: ContainerID(1), name: "c", workloads: [w])],
                                      duration: duration, seed: 5)
        config.drainLimit = .zero
        config.snapshotAtDuration = true
        return config
    }

    /// Hand-worked: a saturated GPU runs one 5 ms kernel after another, so the measurement from
    /// 0.6 s to 1 s holds 80 kernels (0.4 s), its busy time is 0.4 s, and the counts restart at 0.6 s
    /// (80 completions, 0 ± 1 of them issued before it); without a warm-up the same run counts 200.
    @Test func theMeasurementStartsAfterTheWarmUp() throws {
        var config = Self.closedLoop(duration: .seconds(1))
        let whole = try GPUSimulation.run(config)
        config.measureFrom = .milliseconds(600)
        let r = try GPUSimulation.run(config)
        let s = try #require(r.atDuration)
        #expect(abs(s.kernels[0] - 80) < 0.05, "\(s.kernels[0])")
        #expect(abs(s.busyTime - 0.4e9) < 0.001e9)
        #expect(abs(Double(r.workloads[0].completed) - 80) <= 1)
        #expect(abs(r.workloads[0].throughputPerSecond - 200) <= 3)
        #expect(abs(Double(whole.workloads[0].completed) - 200) <= 1)
    }

    /// A warm-up as long as the run is refused, naming the field.
    @Test func aWarmUpMustBeShorterThanTheRun() {
        var config = Self.closedLoop(duration: .seconds(1))
        config.measureFrom = .seconds(1)
        #expect(throws: SimulationConfigError.self) { try GPUSimulation.run(config) }
        #expect(config.problems().contains { $0.field == "measure_from" })
    }

    /// The cache key names host-pid roles, not the cluster's group numbers: two states that differ
    /// only in those numbers share a key; a state without the race has another.
    @Test func hostPidGroupsAreNumberedCanonically() {
        func state(_ group: Int?) -> NodeColocationState {
            var reader = NodePod(work: .training(Self.kernel), priority: .bestEffort, limitPercent: 10)
            var owner = NodePod(work: .training(Self.kernel), priority: .bestEffort, limitPercent: 90)
            reader.hostPidGroup = group
            owner.hostPidGroup = group
            owner.ownsHostPid = group != nil
            return NodeColocationState(profile: .v100SXM2_16GB, isolation: .userMode(UserModeParameters(smCount: 80, maxThreadsPerSM: 2048)),
                                       pods: [owner, reader])
        }
        let context = NodeColocationState.Context(state(nil))
        let a = state(1 << 30).canonical(context: context), b = state(7).canonical(context: context)
        let none = state(nil).canonical(context: context)
        #expect(a.key == b.key && a.seed == b.seed)
        #expect(a.key != none.key)
        #expect(NodeModel.hostPid(of: 1, in: state(7).pods) == ContainerID(1))
        #expect(NodeModel.hostPid(of: 0, in: state(7).pods) == ContainerID(1))
        #expect(NodeModel.hostPid(of: 1, in: state(nil).pods) == ContainerID(2))
        var orphan = state(7).pods
        orphan[0].ownsHostPid = false
        #expect(NodeModel.hostPid(of: 1, in: orphan) == ContainerID(0))   // the owner has gone
    }

    /// Hand-counted: 4 waves of SMs × (maxThreadsPerSM / 256) blocks: V100 80 × 8 × 4 = 2,560,
    /// H200 132 × 8 × 4 = 4,224 (the probe's 42,240-block kernel is 40 such waves).
    @Test func theClusterBEKernelFillsTheSMsInBlocksOf256Threads() {
        #expect(ClusterModel.beKernel(smFraction: 1, profile: .v100SXM2_16GB).gridBlocks == 2560)
        #expect(ClusterModel.beKernel(smFraction: 1, profile: .h200).gridBlocks == 4224)
    }

    /// Only user-mode states with a steady-load pod above its limit get the warm-up: a training job
    /// (demand 1) limited to 50 does; unlimited, under another engine, bursty, or an inference
    /// replica within its limit (100 req/s × 2.96 ms = 0.296 < 0.5) does not; the same replica at
    /// 200 req/s (0.592) does.
    @Test func theWarmUpIsForSteadyPodsAboveTheirLimit() {
        let limited = NodePod(work: .training(Self.kernel), priority: .bestEffort, limitPercent: 50)
        let free = NodePod(work: .training(Self.kernel), priority: .bestEffort)
        let bursty = NodePod(work: .bursts(Self.kernel, demand: 1), priority: .bestEffort, limitPercent: 25)
        let spec = InferenceSpec(arrival: .poisson(ratePerSecond: 1))
        let within = NodePod(work: .inference(spec, ratePerSecond: 100), priority: .latencySensitive, limitPercent: 50)
        let above = NodePod(work: .inference(spec, ratePerSecond: 200), priority: .latencySensitive, limitPercent: 50)
        let um = IsolationSpec.userMode(UserModeParameters(smCount: 80, maxThreadsPerSM: 2048))
        func warmUp(_ pods: [NodePod], _ iso: IsolationSpec = um) -> Double {
            NodeModel.warmUp(NodeColocationState(profile: .v100SXM2_16GB, isolation: iso, pods: pods))
        }
        #expect(warmUp([limited]) == NodeModel.userModeWarmUp)
        #expect(warmUp([free]) == 0)
        #expect(warmUp([limited], .none) == 0)
        #expect(warmUp([bursty]) == 0)
        #expect(warmUp([within]) == 0)
        #expect(warmUp([above, bursty]) == NodeModel.userModeWarmUp)
    }

    /// A 10/90 pair placed at time 0 is the run's initial state (started before it, at unknown
    /// times): no race. The same pair submitted together at 1 s races, and the 10 % job, bound second,
    /// takes the 90 % job's pid.
    @Test func podsPlacedAtTimeZeroRaceWithNoOne() throws {
        func run(start: Double) throws -> [String: String] {
            let yaml = """
            schema: cluster
            name: pair
            seed: 1
            duration_s: 20
            step_s: 10
            policy: shared
            cluster: {nodes: 1, gpus_per_node: 1}
            jobs:
              - {name: big, kind: training, count: 1, work_s: 1000, gpu_milli: 900, start_s: \(start)}
              - {name: small, kind: training, count: 1, work_s: 1000, gpu_milli: 100, start_s: \(start)}
            """
            let r = try ClusterSimulation.run(try ClusterScenarioLoader.parse(yaml: yaml, file: "pair.yaml").simulationConfig())
            return Dictionary(uniqueKeysWithValues: r.jobs.compactMap { j in j.hostPidOf.map { (j.name, $0) } })
        }
        #expect(try run(start: 0).isEmpty)
        #expect(try run(start: 1) == ["small": "big"])
    }
}
