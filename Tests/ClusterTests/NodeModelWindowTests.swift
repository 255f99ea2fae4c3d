import ColoModel
import Simulator
import Testing

/// The node model measures exactly its window (``DurationSnapshot``): the drain after the window
/// (kernels in flight at its end completing, then idle) must not enter utilization or BE work.
@Suite struct NodeModelWindowTests {
    static let kernel = KernelShape(work: .milliseconds(5), smFraction: 1, dramFraction: 0.3,
                                    gridBlocks: 320, blockDuration: .microseconds(1250))

    /// Hand-worked: one closed-loop training pod alone (two kernels in flight, 5 ms of full-GPU work
    /// each) keeps the GPU busy from its first launch to the end of the window, so over a 1 s window
    /// utilization is 1 and work is 1 GPU·s per second, less the first launch's latency (microseconds).
    /// Measured with the drain, they were about 1/1.01 and 1.01 (two 5 ms kernels after a 1 s window).
    @Test func aSaturatingClosedLoopIsFullyBusyOverItsWindow() throws {
        let pod = NodePod(work: .training(Self.kernel), priority: .bestEffort)
        let state = NodeColocationState(profile: .v100SXM2_16GB, isolation: .none, pods: [pod])
        let r = try NodeModel.evaluate(state, window: 1, seed: 3)
        #expect(abs(r.utilization - 1) < 0.001)
        #expect(abs(r.pods[0].workPerSecond - 1) < 0.001)
        #expect(r.utilization <= 1)
    }

    /// Hand-worked: the same pod over 0.1 s and 1 s windows does the same work per second (no
    /// edge term that scales with 1 / window).
    @Test func workPerSecondDoesNotDependOnTheWindow() throws {
        let pod = NodePod(work: .training(Self.kernel), priority: .bestEffort)
        let state = NodeColocationState(profile: .v100SXM2_16GB, isolation: .none, pods: [pod])
        let short = try NodeModel.evaluate(state, window: 0.1, seed: 3)
        let long = try NodeModel.evaluate(state, window: 1, seed: 3)
        #expect(abs(short.pods[0].workPerSecond - long.pods[0].workPerSecond) < 0.005)
        #expect(abs(short.utilization - long.utilization) < 0.005)
    }

    /// The snapshot is off by default, and it never changes a run's results or digest.
    @Test func theSnapshotDoesNotChangeARun() throws {
        let w = WorkloadSpec(name: "k", kind: .kernels(KernelStreamSpec(arrival: .closedLoop, kernel: Self.kernel, inFlight: 2)))
        var config = SimulationConfig(profile: .v100SXM2_16GB,
                                      containers: [ContainerSpec(id: ContainerID(1), name: "c", workloads: [w])],
                                      duration: .milliseconds(200), seed: 5)
        config.drainLimit = .milliseconds(100)
        let plain = try GPUSimulation.run(config)
        config.snapshotAtDuration = true
        let snap = try GPUSimulation.run(config)
        #expect(plain.atDuration == nil)
        #expect(snap.digest == plain.digest)
        let s = try #require(snap.atDuration)
        // 200 ms of a saturated GPU: 40 kernels of 5 ms, less the first launch's latency.
        #expect(abs(s.kernels[0] - 40) < 0.05)
        #expect(s.busyTime <= 200e6 && s.busyTime > 199e6)
    }
}
