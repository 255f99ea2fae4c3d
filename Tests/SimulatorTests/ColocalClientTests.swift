import ColoModel
import Isolation
import SimEngine
import Testing
@testable import Simulator

/// How the replay measures a client (as `colocal.cu` does) and when its HAMi-core watcher starts.
@Suite struct ColocalClientTests {
    static let be = UserModeCalibrationConfig.Workload.kernels(ratePerSecond: nil, inFlight: 2, kernelUs: 1932.8,
                                                               gridBlocks: 42240, blockUs: 48.3)

    /// `run_be` divides the in-loop synchronizations (every launch but the last) by the time to the
    /// final synchronize; the synchronizing `ls` client divides all n by the time to the last one.
    @Test func countsAsTheProbeCounts() {
        #expect(ColocalClient(Self.be) == .backToBack)
        #expect(ColocalClient(.kernels(ratePerSecond: nil, inFlight: 1, kernelUs: 200, gridBlocks: 1056, blockUs: 200))
                == .scheduled(ratePerSecond: 50_000))
        #expect(ColocalClient(.kernels(ratePerSecond: 100, inFlight: 1, kernelUs: 200, gridBlocks: 1056, blockUs: 200))
                == .poisson)
        #expect(ColocalClient(.memory(chunkMiB: 256, capMiB: 4096)) == nil)
        let last = Instant.zero + .seconds(5.1)
        // 101 launches from t0 = 0.1 s, the last seen at 5.1 s: 100 counted over 5.0 s.
        #expect(ColocalClient.backToBack.throughput(completed: 101, start: .seconds(0.1), lastCompletion: last) == 20)
        #expect(ColocalClient.scheduled(ratePerSecond: 50_000).throughput(completed: 250, start: .seconds(0.1),
                                                                           lastCompletion: last) == 50)
        #expect(ColocalClient.poisson.throughput(completed: 250, start: .zero, lastCompletion: last) == nil)
        #expect(ColocalClient.backToBack.throughput(completed: 5, start: .seconds(5.1), lastCompletion: last) == nil)
    }

    /// Under HAMi-core the process starts (its watcher thread) the measured lead before the client's
    /// t0: 114.9 ms alone, 211.3 ms beside a process started with it; without HAMi-core nothing moves.
    @Test func theWatcherStartsBeforeTheClient() throws {
        let lone = UserModeCalibrationConfig(name: "t", profile: "h200", seconds: 2, policy: .force, solo: [:], containers: [
            .init(name: "a", limitPercent: 25, memoryLimitMiB: nil, workload: Self.be, measured: .init())])
        let l = UserModeCalibrationReplay.simulation(for: lone, profile: .h200, seed: 1)
        #expect(l.containers[0].processStart == .zero)
        #expect(l.containers[0].workloads[0].start == .milliseconds(114.9))
        #expect(l.containers[0].workloads[0].stop == .milliseconds(114.9) + .seconds(2))
        var pair = lone
        pair.containers.append(.init(name: "b", limitPercent: 90, memoryLimitMiB: nil, workload: Self.be, measured: .init()))
        let p = UserModeCalibrationReplay.simulation(for: pair, profile: .h200, seed: 1)
        #expect(p.containers.map { $0.workloads[0].start } == [.milliseconds(211.3), .milliseconds(211.3)])
        var native = pair
        native.policy = .none
        let n = UserModeCalibrationReplay.simulation(for: native, profile: .h200, seed: 1)
        #expect(n.containers.map { $0.workloads[0].start } == [.zero, .zero] && n.containers[0].processStart == nil)
    }

    /// Hand-worked on the H200 (132 SMs × 2048 threads; a 2 ms kernel is 42,240 blocks), limit 25:
    /// a process whose watcher started at 0 has its first pass at 120 ms, before its first kernel at
    /// 150 ms; NVML has no sample of it (util 0), so `delta` gives 348,480 · 25 · 2 / 26 = 670,153
    /// tokens, and until the next pass (240 ms) 16 kernels pass (the 16th takes the pool negative).
    /// A process that starts at its first kernel runs unthrottled until its first pass (270 ms):
    /// 85 ms / 1.933 ms ≈ 44 kernels by 235 ms.
    @Test func aWatcherStartedBeforeTheFirstKernelThrottlesFromIt() throws {
        func kernels(processStart: SimDuration) throws -> Int {
            let shape = KernelShape(work: .microseconds(1932.8), smFraction: 1, dramFraction: 0, gridBlocks: 42240,
                                    blockDuration: .microseconds(48.3))
            let w = WorkloadSpec(name: "a", kind: .kernels(KernelStreamSpec(arrival: .closedLoop, kernel: shape, inFlight: 2)),
                                 priority: .bestEffort, start: .milliseconds(150), stop: .milliseconds(235))
            var c = ContainerSpec(id: ContainerID(0), name: "a", limitPercent: 25, workloads: [w])
            c.processStart = processStart
            var cfg = SimulationConfig(profile: .h200, containers: [c], duration: .milliseconds(235), seed: 1)
            var p = UserModeParameters(smCount: 132, maxThreadsPerSM: 2048)
            p.policy = .force
            cfg.launchGate = HAMiLaunchGate(parameters: p, deviceMemoryBytes: DeviceProfile.h200.memoryBytes)
            return try GPUSimulation.run(cfg).workloads[0].kernelsCompleted
        }
        #expect(try kernels(processStart: .zero) == 16)
        let unthrottled = try kernels(processStart: .milliseconds(150))
        #expect(unthrottled >= 42 && unthrottled <= 44)
    }
}
