@testable import GPUDevice
import ColoModel
import SimEngine
import Testing

/// NVML's per-process samples (``NVMLProcessSampler``) against hand-worked cases.
@Suite struct NVMLProcessSamplerTests {
    let a = ContainerID(1), b = ContainerID(2)
    let period = SimDuration.milliseconds(200)

    func kernel(ms: Double) -> KernelShape {
        KernelShape(work: .milliseconds(ms), smFraction: 1, dramFraction: 0, gridBlocks: 100, blockDuration: .microseconds(50))
    }

    func run(_ gpu: inout SimulatedGPU, to t: Instant) {
        _ = gpu.settle()
        while let n = gpu.nextEventTime, n <= t { gpu.advance(to: n); _ = gpu.settle() }
        gpu.advance(to: t)
    }

    /// A runs 150 ms, then B runs 50 ms and stays resident while the GPU idles. The first 200 ms sample
    /// is the device's 100% and names B (resident at the instant), although A did 75% of the work; the
    /// second is 0% and names B again. Asked at 400 ms for the last second: B = (100 + 0) / 2 = 50%,
    /// A has no entry.
    @Test func aSampleGivesTheDevicesUtilizationToTheResidentProcess() {
        var gpu = SimulatedGPU(profile: .h200)
        var s = NVMLProcessSampler(period: period)
        let ctx = [a: a, b: b]
        s.sample(gpu, contextOf: ctx)
        #expect(s.samples.isEmpty)  // no context has run yet: no sample
        gpu.grant(.graphics, to: a, switchCost: .zero)
        gpu.submitGraphics(id: 1, container: a, context: a, engine: .compute, shape: kernel(ms: 150), streamPriority: 0, stream: 1)
        run(&gpu, to: .seconds(0.150))
        gpu.grant(.graphics, to: b, switchCost: .zero)
        gpu.submitGraphics(id: 2, container: b, context: b, engine: .compute, shape: kernel(ms: 50), streamPriority: 0, stream: 2)
        run(&gpu, to: .seconds(0.200))
        s.sample(gpu, contextOf: ctx)
        #expect(s.samples.last?.values == [b: 100])
        gpu.grant(.graphics, to: nil, switchCost: nil)
        run(&gpu, to: .seconds(0.400))
        s.sample(gpu, contextOf: ctx)
        #expect(s.samples.last?.values == [b: 0])
        let u = s.utilization(at: .seconds(0.400), window: .seconds(1))
        #expect(u == [b: 0.5])
        // A window holding only the second sample: B = 0, still listed.
        #expect(s.utilization(at: .seconds(0.400), window: .milliseconds(100)) == [b: 0])
    }

    /// Two processes: over five samples of 99%… here 100%, A named in four and B in one read 80% and 20%
    /// (the fifths seen on the H200 for two fed processes).
    @Test func windowValuesAreOwnSamplesOverAllSamples() {
        var gpu = SimulatedGPU(profile: .h200)
        var s = NVMLProcessSampler(period: period)
        let ctx = [a: a, b: b]
        gpu.submitGraphics(id: 1, container: a, context: a, engine: .compute, shape: kernel(ms: 2000), streamPriority: 0, stream: 1)
        gpu.submitGraphics(id: 2, container: b, context: b, engine: .compute, shape: kernel(ms: 2000), streamPriority: 0, stream: 2)
        for k in 1...5 {
            gpu.grant(.graphics, to: k == 3 ? b : a, switchCost: .zero)
            run(&gpu, to: .seconds(0.2 * Double(k)))
            s.sample(gpu, contextOf: ctx)
        }
        let u = s.utilization(at: .seconds(1.0), window: .seconds(1))
        #expect(u == [a: 0.8, b: 0.2])
    }
}
