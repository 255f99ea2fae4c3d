import ColoModel
import GPUDevice
import SimEngine
import Simulator
import Testing

/// Whole-simulation behaviour against analytic oracles; invariants checked after every event.
@Suite struct SingleGPUSimulationTests {
    let v100 = DeviceProfile.v100SXM2_16GB

    func stream(_ name: String, _ arrival: ArrivalSpec, us: Double, inFlight: Int = 1, c: Double = 1,
                prio: Int = 0, sla: SimDuration? = nil) -> WorkloadSpec {
        WorkloadSpec(name: name, kind: .kernels(KernelStreamSpec(
            arrival: arrival, kernel: KernelShape(work: .microseconds(us), smFraction: c, gridBlocks: 640,
                                                  blockDuration: .microseconds(min(us, 50))),
            inFlight: inFlight, streamPriority: prio)), latencySLA: sla)
    }

    func run(_ cfg: SimulationConfig) throws -> SimulationResult {
        let r = try GPUSimulation.run(cfg)
        #expect(r.invariantViolations.isEmpty, "\(r.invariantViolations.prefix(3))")
        return r
    }

    @Test func poissonKernelsServedOneAtATimeMatchMD1() throws {
        // M/D/1: the client is the server; service S = kernel + launch + completion latency.
        let rate = 1500.0
        let w = stream("ls", .poisson(ratePerSecond: rate), us: 300)
        let cfg = SimulationConfig(profile: v100, containers: [ContainerSpec(id: ContainerID(0), name: "a", workloads: [w])],
                                   duration: .seconds(20), seed: 7)
        let r = try run(cfg)
        let s = (300.0 + 12.0) * 1e-6
        let rho = rate * s
        let meanOracle = s + rho * s / (2 * (1 - rho))  // Pollaczek–Khinchine
        let mean = Double(try #require(r.workloads[0].latency).mean.nanoseconds) * 1e-9
        #expect(abs(mean - meanOracle) / meanOracle < 0.03, "mean \(mean) vs \(meanOracle)")
        #expect(abs(r.workloads[0].throughputPerSecond - rate) / rate < 0.03)
        // GPU busy fraction = λ·kernel time.
        #expect(abs(r.gpu.utilization - rate * 300e-6) < 0.02)
    }

    @Test func closedLoopWithTwoInFlightKeepsTheGPUBusy() throws {
        let w = stream("be", .closedLoop, us: 2000, inFlight: 2)
        let cfg = SimulationConfig(profile: v100, containers: [ContainerSpec(id: ContainerID(0), name: "a", workloads: [w])],
                                   duration: .seconds(2))
        let r = try run(cfg)
        #expect(abs(r.workloads[0].throughputPerSecond - 500) <= 1)
        #expect(r.gpu.utilization > 0.999)
        #expect(abs(r.containers[0].achievedShare.compute - 1) < 0.001)
        // One in flight: each kernel waits for the host round trip (2 ms + 12 µs).
        let one = stream("be1", .closedLoop, us: 2000, inFlight: 1)
        let r1 = try run(SimulationConfig(profile: v100, containers: [ContainerSpec(id: ContainerID(0), name: "a", workloads: [one])],
                                          duration: .seconds(2)))
        #expect(abs(r1.workloads[0].throughputPerSecond - 1 / 2012e-6) <= 1)
    }

    @Test func nativeTimeSlicingSplitsTwoSaturatingContextsEvenly() throws {
        let cs = [ContainerSpec(id: ContainerID(0), name: "a", workloads: [stream("a", .closedLoop, us: 500, inFlight: 2)]),
                  ContainerSpec(id: ContainerID(1), name: "b", workloads: [stream("b", .closedLoop, us: 500, inFlight: 2)])]
        let r = try run(SimulationConfig(profile: v100, containers: cs, duration: .seconds(2)))
        // Each holds 2 ms slices; each switch costs 25 µs: share = T / (2T + 2·25 µs) each.
        let oracle = 2000.0 / (2 * 2000 + 2 * 25)
        for c in r.containers { #expect(abs(c.achievedShare.compute - oracle) < 0.01, "\(c.achievedShare)") }
        #expect(r.gpu.contextSwitches > 900)
        let total = r.shareWindows.dropFirst().map { ($0.shares[ContainerID(0)]?.compute ?? 0) + ($0.shares[ContainerID(1)]?.compute ?? 0) }
        #expect(total.allSatisfy { $0 <= 1 + 1e-9 })
    }

    @Test func sharedContextSplitsByWeight() throws {
        let cs = [ContainerSpec(id: ContainerID(0), name: "a", weight: 1, workloads: [stream("a", .closedLoop, us: 500, inFlight: 2)]),
                  ContainerSpec(id: ContainerID(1), name: "b", weight: 3, workloads: [stream("b", .closedLoop, us: 500, inFlight: 2)])]
        var cfg = SimulationConfig(profile: v100, containers: cs, duration: .seconds(1))
        cfg.graphicsScheduler = SharedDomainScheduler()
        let r = try run(cfg)
        #expect(abs(r.containers[0].achievedShare.compute - 0.25) < 0.01)
        #expect(abs(r.containers[1].achievedShare.compute - 0.75) < 0.01)
        #expect(abs(r.containers[0].configuredShare - 0.25) < 1e-12)
    }

    @Test func codecStreamsShareNVENCFirstComeFirstServed() throws {
        let enc = { (n: String) in WorkloadSpec(name: n, kind: .codec(CodecStreamSpec(engine: .nvenc, inFlight: 4))) }
        let cs = [ContainerSpec(id: ContainerID(0), name: "a", workloads: [enc("a")]),
                  ContainerSpec(id: ContainerID(1), name: "b", workloads: [enc("b")])]
        let r = try run(SimulationConfig(profile: v100, containers: cs, duration: .seconds(1)))
        // 3 engines × 500 fps = 1500 frames/s in total, split evenly.
        let total = r.workloads.reduce(0) { $0 + $1.throughputPerSecond }
        #expect(abs(total - 1500) <= 4)
        #expect(abs(r.gpu.nvencUtilization - 1) < 0.01)
        #expect(abs(r.containers[0].achievedShare.nvenc - 0.5) < 0.02)
        // A lone stream at 100 fps gets its frames through at 2 ms each.
        let one = WorkloadSpec(name: "c", kind: .codec(CodecStreamSpec(engine: .nvenc, framesPerSecond: 100)))
        let r1 = try run(SimulationConfig(profile: v100, containers: [ContainerSpec(id: ContainerID(0), name: "a", workloads: [one])],
                                          duration: .seconds(1)))
        #expect(abs(r1.workloads[0].throughputPerSecond - 100) <= 1)
        #expect(r1.workloads[0].latency?.p99 == .milliseconds(2))
    }

    @Test func renderFramesUseTheSameSMs() throws {
        let frame = KernelShape(work: .milliseconds(5), smFraction: 1, gridBlocks: 100, blockDuration: .microseconds(100))
        let render = WorkloadSpec(name: "r", kind: .render(RenderSpec(framesPerSecond: 60, frame: frame)))
        let r = try run(SimulationConfig(profile: v100, containers: [ContainerSpec(id: ContainerID(0), name: "a", workloads: [render])],
                                         duration: .seconds(2)))
        #expect(abs(r.workloads[0].throughputPerSecond - 60) < 1)
        #expect(abs(r.containers[0].achievedShare.render - 60 * 0.005) < 0.01)
        #expect(r.containers[0].achievedShare.compute == 0)
        // Render is refused on a device without graphics.
        let bad = SimulationConfig(profile: .h200, containers: [ContainerSpec(id: ContainerID(0), name: "a", workloads: [render])],
                                   duration: .seconds(1))
        #expect(bad.problems().map(\.field) == ["containers[0].workloads[0].kind"])
    }

    @Test func inferenceAtFullBatchReachesThePublishedPeak() throws {
        // ResNet-50 FP16 on V100, b = 32: 32 / (0.41·32 + 2.55 ms) ≈ 2042 img/s [DESIGN §8].
        let inf = WorkloadSpec(name: "inf", kind: .inference(InferenceSpec(arrival: .closedLoop, maxBatch: 32)))
        let r = try run(SimulationConfig(profile: v100, containers: [ContainerSpec(id: ContainerID(0), name: "a", workloads: [inf])],
                                         duration: .seconds(3)))
        let oracle = 32 / ((0.41 * 32 + 2.55) * 1e-3 + 12e-6)
        #expect(abs(r.workloads[0].throughputPerSecond - oracle) / oracle < 0.01)
        // Half the GPU (shared with an equal-weight saturating context) at b = 32: twice the time.
        let cs = [ContainerSpec(id: ContainerID(0), name: "a", workloads: [inf]),
                  ContainerSpec(id: ContainerID(1), name: "b", workloads: [stream("hog", .closedLoop, us: 1000, inFlight: 2)])]
        var cfg = SimulationConfig(profile: v100, containers: cs, duration: .seconds(3))
        cfg.graphicsScheduler = SharedDomainScheduler()
        let r2 = try run(cfg)
        let p50 = Double(try #require(r2.workloads[0].latency).p50.nanoseconds) * 1e-9
        #expect(abs(p50 - 2 * 15.67e-3) / (2 * 15.67e-3) < 0.05, "\(p50)")
    }

    @Test func allocationsBeyondCapacityOrQuotaAreOOMEvents() throws {
        let alloc = { (n: String, gib: Int64) in WorkloadSpec(name: n, kind: .memory(MemorySpec(bytes: gib << 30, count: 3))) }
        let cs = [ContainerSpec(id: ContainerID(0), name: "a", workloads: [alloc("a", 4)]),
                  ContainerSpec(id: ContainerID(1), name: "b", memoryQuotaBytes: 3 << 30, workloads: [alloc("b", 2)])]
        let r = try run(SimulationConfig(profile: v100, containers: cs, duration: .seconds(1)))
        // a: 12 GiB granted; b: 2 GiB granted, then its 3 GiB quota refuses 2 more.
        #expect(r.containers[0].peakMemoryBytes == 12 << 30)
        #expect(r.containers[1].peakMemoryBytes == 2 << 30)
        #expect(r.oomEvents.count == 2)
        #expect(r.oomEvents.allSatisfy { if case .quotaExceeded = $0.decision { return true } else { return false } })
        // 16 GiB device: a third 8 GiB allocation does not fit.
        let big = ContainerSpec(id: ContainerID(0), name: "a", workloads: [alloc("x", 8)])
        let r2 = try run(SimulationConfig(profile: v100, containers: [big], duration: .seconds(1)))
        #expect(r2.oomEvents.count == 1)
        #expect(r2.oomEvents.first?.decision == .deviceOutOfMemory(freeBytes: 0))
    }

    @Test func sameSeedSameDigestOtherSeedOtherDigest() throws {
        let w = stream("ls", .poisson(ratePerSecond: 800), us: 400)
        let mk = { (seed: UInt64) in SimulationConfig(profile: self.v100, containers: [ContainerSpec(id: ContainerID(0), name: "a", workloads: [w])],
                                                       duration: .seconds(1), seed: seed) }
        let a = try run(mk(1)), b = try run(mk(1)), c = try run(mk(2))
        #expect(a.digest == b.digest)
        #expect(a.digest != c.digest)
        #expect(a.digestHex.count == 16)
    }
}
