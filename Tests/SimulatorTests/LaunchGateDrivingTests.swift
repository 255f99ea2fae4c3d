import ColoModel
import GPUDevice
import SimEngine
import Simulator
import Testing

/// A gate that defers every first attempt by 10 ms and records the utilization it is shown.
struct DeferOnceGate: LaunchGate {
    var seen: [Double] = []
    mutating func handle(_ event: LaunchGateEvent, now: Instant) -> [LaunchGateAction] {
        switch event {
        case .attached:
            return [.setTimer(at: now + .milliseconds(120), token: 1, utilizationWindow: .seconds(1))]
        case .launchRequested(let r):
            return r.attempt == 0 ? [.retry(launch: r.launchID, at: now + .milliseconds(10))] : [.admit(launch: r.launchID)]
        case .timer(let token, let util):
            seen.append(util[ContainerID(0)] ?? -1)
            return [.setTimer(at: now + .milliseconds(120), token: token + 1, utilizationWindow: .seconds(1))]
        default:
            return []
        }
    }
}

@Suite struct LaunchGateDrivingTests {
    @Test func deferredLaunchesSleepTheClientThread() throws {
        let k = KernelShape(work: .milliseconds(1), smFraction: 1, gridBlocks: 80, blockDuration: .microseconds(50))
        let w = WorkloadSpec(name: "x", kind: .kernels(KernelStreamSpec(arrival: .closedLoop, kernel: k, inFlight: 1)))
        var cfg = SimulationConfig(profile: .v100SXM2_16GB,
                                   containers: [ContainerSpec(id: ContainerID(0), name: "a", workloads: [w])],
                                   duration: .seconds(2))
        cfg.launchGate = DeferOnceGate()
        let r = try GPUSimulation.run(cfg)
        #expect(r.invariantViolations.isEmpty)
        // Every launch: 10 ms sleep + 6 µs launch + 1 ms kernel + 6 µs completion.
        let oracle = 1 / 11.012e-3
        #expect(abs(r.workloads[0].throughputPerSecond - oracle) <= 1)
        #expect(r.workloads[0].throttledLaunches == r.workloads[0].issued)
        // SM utilization seen by the gate over 1 s ≈ 1 / 11.012.
        #expect(abs(r.gpu.smUtilization - 1 / 11.012) < 0.005)
    }
}
