import ColoModel
import GPUDevice
import SimEngine

/// A fixed workload for the device model alone: kernels of four containers sharing the SMs
/// (`shareAll`), submitted up front, stepped from event to event to completion.
enum DeviceStepWorkload {
    /// Runs `kernels` kernels; returns the number of steps and the finishing time.
    static func run(kernels: Int) -> (steps: Int, end: Instant) {
        var gpu = SimulatedGPU(profile: .v100SXM2_16GB)
        gpu.shareAll(.graphics)
        for i in 0..<kernels {
            let c = ContainerID(i % 4)
            let shape = KernelShape(work: .microseconds(Double(100 + (i * 37) % 400)),
                                    smFraction: [1.0, 0.5, 0.25, 0.75][i % 4],
                                    dramFraction: [0.1, 0.6, 0.3, 0.0][i % 4],
                                    gridBlocks: 80 * (1 + i % 8), blockDuration: .microseconds(50))
            gpu.submitGraphics(id: UInt64(i), container: c, context: c, engine: .compute, shape: shape,
                               streamPriority: 0, stream: UInt64(i % 16))
        }
        var steps = 0
        var done = gpu.settle().count
        while done < kernels, let t = gpu.nextEventTime {
            gpu.advance(to: t)
            done += gpu.settle().count
            steps += 1
        }
        return (steps, gpu.now)
    }
}
