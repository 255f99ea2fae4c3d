@testable import GPUDevice
import ColoModel
import SimEngine
import Testing

/// Device semantics against hand-computed (analytic) outcomes.
@Suite struct SimulatedGPUTests {
    let a = ContainerID(1), b = ContainerID(2)

    func kernel(_ us: Double, c: Double = 1, m: Double = 0, block: Double? = nil) -> KernelShape {
        KernelShape(work: .microseconds(us), smFraction: c, dramFraction: m, gridBlocks: 100,
                    blockDuration: .microseconds(block ?? us))
    }

    /// Runs the device alone (no outside events) until idle; returns completion times by id.
    func drain(_ gpu: inout SimulatedGPU, until limit: Instant = .seconds(1)) -> [UInt64: Instant] {
        var done: [UInt64: Instant] = [:]
        for c in gpu.settle() { done[c.id] = gpu.now }
        while let t = gpu.nextEventTime, t <= limit {
            gpu.advance(to: t)
            for c in gpu.settle() { done[c.id] = t }
            #expect(gpu.invariantViolations().isEmpty)
        }
        return done
    }

    @Test func weightedMaxMinMatchesProgressiveFilling() {
        // Equal demands, weights 1:3 → 0.25 / 0.75.
        let x = SimulatedGPU.weightedMaxMin(demands: [1, 1], weights: [1, 3], capacity: 1)
        #expect(abs(x[0] - 0.25) < 1e-12 && abs(x[1] - 0.75) < 1e-12)
        // A small demand is met in full; the rest goes to the other.
        let y = SimulatedGPU.weightedMaxMin(demands: [0.2, 1], weights: [1, 1], capacity: 1)
        #expect(abs(y[0] - 0.2) < 1e-12 && abs(y[1] - 0.8) < 1e-12)
        // Under-subscribed: everyone gets their demand.
        let z = SimulatedGPU.weightedMaxMin(demands: [0.3, 0.4], weights: [5, 1], capacity: 1)
        #expect(abs(z[0] - 0.3) < 1e-12 && abs(z[1] - 0.4) < 1e-12)
        // Water level: caps 1, 1, costs 0.8, 0.8, budget 0.9 → λ = 0.5625.
        #expect(abs(SimulatedGPU.waterLevel(caps: [1, 1], costs: [0.8, 0.8], budget: 0.9) - 0.5625) < 1e-12)
        #expect(SimulatedGPU.waterLevel(caps: [0.1, 1], costs: [1, 0.5], budget: 0.9) == .infinity)
    }

    @Test func contextsSharingTheSMsSplitByWeight() {
        var gpu = SimulatedGPU(profile: .v100SXM2_16GB)
        gpu.contextWeights = [a: 1, b: 3]
        gpu.shareAll(.graphics)
        gpu.submitGraphics(id: 1, container: a, context: a, engine: .compute, shape: kernel(1000), streamPriority: 0, stream: 1)
        gpu.submitGraphics(id: 2, container: b, context: b, engine: .compute, shape: kernel(1000), streamPriority: 0, stream: 2)
        _ = gpu.settle()
        #expect(abs(gpu.graphics[0].smShare - 0.25) < 1e-12)
        #expect(abs(gpu.graphics[1].smShare - 0.75) < 1e-12)
        // b needs 1000/0.75 µs at 0.75, then a has 1000 − 1333.3·0.25 = 666.7 µs left at full speed.
        let done = drain(&gpu)
        #expect(done[2] == Instant(nanoseconds: 1_333_334))
        #expect(abs(Double(done[1]!.nanoseconds) - 2_000_000) <= 2)
    }

    @Test func equalPriorityKernelsDispatchInEligibilityOrder() {
        var gpu = SimulatedGPU(profile: .v100SXM2_16GB)
        gpu.grant(.graphics, to: a, switchCost: nil)
        gpu.submitGraphics(id: 1, container: a, context: a, engine: .compute, shape: kernel(100, c: 0.6), streamPriority: 0, stream: 1)
        gpu.submitGraphics(id: 2, container: a, context: a, engine: .compute, shape: kernel(100, c: 0.6), streamPriority: 0, stream: 2)
        // Same stream as 1: waits for 1 to finish even though SMs are free.
        gpu.submitGraphics(id: 3, container: a, context: a, engine: .compute, shape: kernel(100, c: 0.3), streamPriority: 0, stream: 1)
        _ = gpu.settle()
        #expect(abs(gpu.graphics[0].smShare - 0.6) < 1e-12)
        #expect(abs(gpu.graphics[1].smShare - 0.4) < 1e-12)
        #expect(gpu.graphics[2].smShare == 0 && !gpu.graphics[2].eligible)
        let done = drain(&gpu)
        #expect(done[1] == Instant(nanoseconds: 100_000))
        // 2 ran at 0.4/0.6 for 100 µs (2/3 done), then full: 33.3 µs more.
        #expect(abs(Double(done[2]!.nanoseconds) - 133_333) <= 2)
        // 3 became eligible at 100 µs; it got 0.4 until 133.3 µs, then 0.3 (its cap).
        #expect(done[3] == Instant(nanoseconds: 200_000))
    }

    @Test func highPriorityKernelWaitsOneLowPriorityBlockThenRunsFirst() {
        var gpu = SimulatedGPU(profile: .v100SXM2_16GB)
        gpu.grant(.graphics, to: a, switchCost: nil)
        gpu.submitGraphics(id: 1, container: a, context: a, engine: .compute, shape: kernel(2000, block: 50), streamPriority: 0, stream: 1)
        _ = gpu.settle()
        gpu.advance(to: .seconds(0.0001))  // 100 µs in
        gpu.submitGraphics(id: 2, container: a, context: a, engine: .compute, shape: kernel(200), streamPriority: 1, stream: 2)
        let done = drain(&gpu)
        // The BE blocks hold the SMs for one block (50 µs), then LS runs 200 µs alone.
        #expect(done[2] == Instant(nanoseconds: 350_000))
        // BE lost exactly the LS kernel's 200 µs.
        #expect(done[1] == Instant(nanoseconds: 2_200_000))
    }

    @Test func dramContentionWaterFillsAndCacheTermSlowsDown() {
        var gpu = SimulatedGPU(profile: .v100SXM2_16GB)
        gpu.grant(.graphics, to: a, switchCost: nil)
        gpu.submitGraphics(id: 1, container: a, context: a, engine: .compute, shape: kernel(1000, c: 0.5, m: 0.8), streamPriority: 0, stream: 1)
        gpu.submitGraphics(id: 2, container: a, context: a, engine: .compute, shape: kernel(1000, c: 0.5, m: 0.8), streamPriority: 0, stream: 2)
        _ = gpu.settle()
        // Σ r·m ≤ η = 0.9 → r = 0.9 / 1.6 = 0.5625; slowdown 1 + 0.15·0.8·(0.8·0.5625) = 1.054.
        let r = 0.9 / 1.6
        let expected = r / (1 + 0.15 * 0.8 * 0.8 * r)
        #expect(abs(gpu.graphics[0].progressRate - expected) < 1e-12)
        #expect(abs(gpu.graphics[1].smShare - 0.5) < 1e-12)
        // A lone memory-bound kernel is not throttled by η (its work already includes its bandwidth).
        var solo = SimulatedGPU(profile: .v100SXM2_16GB)
        solo.grant(.graphics, to: a, switchCost: nil)
        solo.submitGraphics(id: 1, container: a, context: a, engine: .compute, shape: kernel(1000, m: 1), streamPriority: 0, stream: 1)
        _ = solo.settle()
        #expect(solo.graphics[0].progressRate == 1)
    }

    @Test func contextSwitchCostStallsTheSMs() {
        var gpu = SimulatedGPU(profile: .v100SXM2_16GB)
        gpu.grant(.graphics, to: a, switchCost: nil)
        gpu.submitGraphics(id: 1, container: a, context: a, engine: .compute, shape: kernel(100), streamPriority: 0, stream: 1)
        gpu.submitGraphics(id: 2, container: b, context: b, engine: .compute, shape: kernel(100), streamPriority: 0, stream: 2)
        var done = drain(&gpu, until: .seconds(0.0001))
        #expect(done[1] == Instant(nanoseconds: 100_000))
        gpu.grant(.graphics, to: b, switchCost: nil)
        done = drain(&gpu)
        // 25 µs switch, then 100 µs.
        #expect(done[2] == Instant(nanoseconds: 225_000))
        #expect(gpu.grants[.graphics]?.switches == 1)
        // Re-granting after a gap (nobody in between) costs nothing.
        gpu.grant(.graphics, to: nil, switchCost: nil)
        gpu.grant(.graphics, to: b, switchCost: nil)
        #expect(gpu.grants[.graphics]?.switches == 1)
    }

    @Test func codecEnginesServeFramesFCFS() {
        var gpu = SimulatedGPU(profile: .v100SXM2_16GB)  // NVENC ×3
        gpu.shareAll(.nvenc)
        for i in 1...5 {
            gpu.submitCodec(id: UInt64(i), container: i % 2 == 0 ? a : b, context: i % 2 == 0 ? a : b,
                            frame: CodecFrame(engine: .nvenc, work: .milliseconds(2)))
        }
        _ = gpu.settle()
        #expect(gpu.nvenc.filter(\.running).map(\.id) == [1, 2, 3])
        let done = drain(&gpu)
        #expect(done[3] == Instant(nanoseconds: 2_000_000))
        #expect(done[4] == Instant(nanoseconds: 4_000_000) && done[5] == Instant(nanoseconds: 4_000_000))
        // Engine-time accounting: 5 frames × 2 ms over 3 engines.
        #expect(abs(gpu.nvencTime - 10_000_000.0 / 3) < 1)
    }

    @Test func memoryRefusesBeyondCapacityAndQuota() {
        var mem = DeviceMemory(capacity: 16 << 30)
        #expect(mem.allocate(MemoryRequest(container: a, bytes: 10 << 30)) == .granted)
        #expect(mem.allocate(MemoryRequest(container: b, bytes: 8 << 30)) == .deviceOutOfMemory(freeBytes: 6 << 30))
        mem.setQuota(4 << 30, for: b)
        #expect(mem.allocate(MemoryRequest(container: b, bytes: 5 << 30)) == .quotaExceeded(quotaBytes: 4 << 30, usedBytes: 0))
        #expect(mem.allocate(MemoryRequest(container: b, bytes: 4 << 30)) == .granted)
        #expect(mem.used == 14 << 30)
        #expect(mem.invariantViolations().isEmpty)
        mem.free(10 << 30, of: a)
        #expect(mem.used == 4 << 30)
    }

    @Test func invariantsCatchBrokenStates() {
        var gpu = SimulatedGPU(profile: .v100SXM2_16GB)
        gpu.grant(.graphics, to: a, switchCost: nil)
        gpu.submitGraphics(id: 1, container: a, context: a, engine: .compute, shape: kernel(100, c: 0.7), streamPriority: 0, stream: 1)
        gpu.submitGraphics(id: 2, container: a, context: a, engine: .compute, shape: kernel(100, c: 0.7), streamPriority: 0, stream: 2)
        _ = gpu.settle()
        #expect(gpu.invariantViolations().isEmpty)
        gpu.graphics[1].smShare = 0.7  // over-commit the SMs by hand
        #expect(gpu.invariantViolations().contains { $0.contains("sum to") })
    }
}
