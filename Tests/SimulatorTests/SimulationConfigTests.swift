import ColoModel
import SimEngine
import Simulator
import Testing

@Suite struct SimulationConfigTests {
    @Test func problemsNameTheField() {
        let w = WorkloadSpec(name: "x", kind: .kernels(KernelStreamSpec(
            arrival: .poisson(ratePerSecond: -1), kernel: KernelShape(work: .microseconds(100)))))
        let c = ContainerSpec(id: ContainerID(0), name: "a", workloads: [w])
        let cfg = SimulationConfig(profile: .v100SXM2_16GB, containers: [c], duration: .seconds(1))
        #expect(cfg.problems().map(\.field) == ["containers[0].workloads[0].rate"])
    }
}
