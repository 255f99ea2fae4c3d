@testable import Simulator
import ColoModel
import Isolation
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

    /// Only user-mode states with a limited pod get the warm-up.
    @Test func theWarmUpIsForLimitedUserModeStates() {
        let limited = NodePod(work: .training(Self.kernel), priority: .bestEffort, limitPercent: 50)
        let free = NodePod(work: .training(Self.kernel), priority: .bestEffort)
        let um = IsolationSpec.userMode(UserModeParameters(smCount: 80, maxThreadsPerSM: 2048))
        #expect(NodeModel.warmUp(NodeColocationState(profile: .v100SXM2_16GB, isolation: um, pods: [limited])) == NodeModel.userModeWarmUp)
        #expect(NodeModel.warmUp(NodeColocationState(profile: .v100SXM2_16GB, isolation: um, pods: [free])) == 0)
        #expect(NodeModel.warmUp(NodeColocationState(profile: .v100SXM2_16GB, isolation: .none, pods: [limited])) == 0)
    }
}
