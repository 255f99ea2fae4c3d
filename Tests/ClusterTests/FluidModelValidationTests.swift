import Scenario
import Simulator
import Testing

/// The fluid per-GPU model against the device engineer's kernel-level single-GPU simulator on a
/// short run: one ResNet-50 inference replica, Poisson arrivals, near-greedy batching.
struct FluidModelValidationTests {
    func fine(rate: Double) throws -> (duty: Double, p99: Double) {
        let yaml = """
        schema: single-gpu
        duration_s: 20
        warmup_s: 2
        containers:
          - name: svc
            workloads:
              - {name: inf, kind: inference, arrival: poisson, rate_per_s: \(rate), max_wait_ms: 0.001}
        """
        let s = try ScenarioLoader.parse(yaml: yaml, file: "fine.yaml")
        let r = try GPUSimulation.run(s.simulationConfig())
        return (r.gpu.utilization, r.workloads.first?.latency?.p99.seconds ?? .nan)
    }

    func fluid(rate: Double) -> (duty: Double, p99: Double) {
        let svc = ClusterServiceConfig(name: "inf", replicas: 1, load: .arrivals(.poisson(rate: rate)), p99Target: 0.05)
        let r = ClusterSimulation.run(ClusterSimulationConfig(nodes: 1, gpusPerNode: 1, policy: .dedicated,
                                                              services: [svc], jobs: [], duration: 20, step: 1))
        return (r.utilizationMean, r.services[0].p99)
    }

    @Test(arguments: [(67.0, 0.05, 0.03), (1000.0, 0.02, 0.08)])
    func agreesWithTheSingleGPUSimulator(_ rate: Double, _ dutyTolerance: Double, _ p99Tolerance: Double) throws {
        let f = try fine(rate: rate)
        let c = fluid(rate: rate)
        #expect(abs(c.duty - f.duty) / f.duty <= dutyTolerance, "duty fluid \(c.duty) vs fine \(f.duty)")
        #expect(abs(c.p99 - f.p99) / f.p99 <= p99Tolerance, "p99 fluid \(c.p99) vs fine \(f.p99)")
    }
}

/// Two inference pods sharing a GPU under user-mode 50 % limits (no MPS: time-sliced contexts).
struct SharedFluidValidationTests {
    @Test func sharedDutyAgreesWithTheSingleGPUSimulator() throws {
        let yaml = """
        schema: single-gpu
        duration_s: 20
        warmup_s: 2
        isolation: {engine: user-mode}
        containers:
          - name: a
            limit_percent: 50
            workloads:
              - {name: ia, kind: inference, arrival: poisson, rate_per_s: 67, max_wait_ms: 0.001}
          - name: b
            limit_percent: 50
            workloads:
              - {name: ib, kind: inference, arrival: poisson, rate_per_s: 67, max_wait_ms: 0.001}
        """
        let fine = try GPUSimulation.run(try ScenarioLoader.parse(yaml: yaml, file: "fine.yaml").simulationConfig())
        let svc = ClusterServiceConfig(name: "i", replicas: 2, load: .arrivals(.poisson(rate: 134)), p99Target: 0.05)
        let fluid = ClusterSimulation.run(ClusterSimulationConfig(nodes: 1, gpusPerNode: 1, policy: .shared,
                                                                  services: [svc], jobs: [], duration: 20, step: 1))
        #expect(abs(fluid.utilizationMean - fine.gpu.utilization) / fine.gpu.utilization <= 0.05,
                "fluid \(fluid.utilizationMean) vs fine \(fine.gpu.utilization)")
        // Both stay far inside a 50 ms SLA (the fine model's p99 is higher: HAMi throttle sleeps).
        let fineP99 = fine.workloads.compactMap { $0.latency?.p99.seconds }.max() ?? .nan
        #expect(fineP99 < 0.05 && fluid.services[0].p99 < 0.05)
    }
}
