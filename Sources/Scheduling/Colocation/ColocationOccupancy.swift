import ColoModel

/// Which pods sit on which GPU, with their quota and memory sums: the policies' placement state.
public struct ColocationOccupancy: Sendable, Hashable {
    /// One entry per GPU.
    public struct GPU: Sendable, Hashable {
        /// Pods bound here, in binding order.
        public var pods: [ColocationPod] = []
        /// Σ milli-GPU of the pods.
        public var milliUsed = 0
        /// Σ memory of the pods, MiB.
        public var memoryUsed = 0
        /// LS pods here.
        public var lsCount: Int { pods.count { $0.priorityClass == .latencySensitive } }
        /// BE pods here.
        public var beCount: Int { pods.count { $0.priorityClass == .bestEffort } }
        /// Whether no pod is bound.
        public var isEmpty: Bool { pods.isEmpty }
    }

    /// The GPUs.
    public private(set) var gpus: [GPU]
    /// GPU of each bound pod.
    public private(set) var gpuOfPod: [Int: Int] = [:]
    /// Memory of each GPU, MiB.
    public let memoryOfGPU: [Int]
    /// The largest GPU memory, MiB.
    public var memoryPerGPU: Int { memoryOfGPU.max() ?? 0 }

    /// An empty cluster of `count` GPUs of `memoryPerGPU` MiB each.
    public init(count: Int, memoryPerGPU: Int) {
        self.init(memoryOfGPU: Array(repeating: memoryPerGPU, count: max(0, count)))
    }

    /// An empty cluster of GPUs with these memories, MiB.
    public init(memoryOfGPU: [Int]) {
        gpus = Array(repeating: GPU(), count: memoryOfGPU.count)
        self.memoryOfGPU = memoryOfGPU
    }

    /// GPUs with at least one pod.
    public var usedGPUs: Int { gpus.count { !$0.isEmpty } }

    /// Whether `pod` fits on `gpu` by quota (Σ milli ≤ 1000), memory and pod count.
    public func fits(_ pod: ColocationPod, on gpu: Int, maxPods: Int) -> Bool {
        let g = gpus[gpu]
        return g.milliUsed + pod.gpuMilli <= GPUShare.milliPerGPU
            && g.memoryUsed + pod.memoryMiB <= memoryOfGPU[gpu] && g.pods.count < maxPods
    }

    /// Binds `pod` to `gpu`.
    public mutating func bind(_ pod: ColocationPod, gpu: Int) {
        gpus[gpu].pods.append(pod)
        gpus[gpu].milliUsed += pod.gpuMilli
        gpus[gpu].memoryUsed += pod.memoryMiB
        gpuOfPod[pod.id] = gpu
    }

    /// Unbinds `pod`, returning it and its GPU (nil when it was not bound).
    @discardableResult
    public mutating func unbind(_ podID: Int) -> (pod: ColocationPod, gpu: Int)? {
        guard let g = gpuOfPod.removeValue(forKey: podID),
              let i = gpus[g].pods.firstIndex(where: { $0.id == podID }) else { return nil }
        let pod = gpus[g].pods.remove(at: i)
        gpus[g].milliUsed -= pod.gpuMilli
        gpus[g].memoryUsed -= pod.memoryMiB
        return (pod, g)
    }

    /// The first empty GPU, if any.
    public var firstEmpty: Int? { gpus.firstIndex { $0.isEmpty } }
}
