/// `shared` (DESIGN §6): fractional pods (compute milli-GPU, memory) packed best-fit per GPU; the
/// user-mode engine holds each pod to its compute quota while the GPU is shared, and kernels of
/// different pods co-run (spatial sharing with the cache-interference term).
public struct SharedPolicy: ColocationPolicy {
    /// The configuration.
    public let config: ColocationConfig
    /// Where pods are bound now.
    public private(set) var occupancy: ColocationOccupancy
    /// Pods waiting for room.
    public private(set) var queue = ColocationQueue()
    /// Which policy this is.
    public var kind: ColocationPolicyKind { .shared }

    /// Creates the policy over an empty cluster.
    public init(config: ColocationConfig) {
        self.config = config
        occupancy = ColocationOccupancy(count: config.gpuCount, memoryPerGPU: config.gpuMemoryMiB)
    }

    /// Handles one event at `now` (seconds) and returns the actions to carry out.
    public mutating func handle(_ event: ColocationEvent, now: Double) -> [ColocationAction] {
        let maxPods = config.maxPodsPerGPU
        switch event {
        case .submit(let pod):
            if let g = ColocationPlacementRules.bestFit(pod, occupancy, maxPods: maxPods) {
                occupancy.bind(pod, gpu: g)
                return [.bind(pod: pod.id, gpu: g)]
            }
            queue.append(pod)
            return [.queued(pod: pod.id)]
        case .finish(let id):
            occupancy.unbind(id)
            return queue.drain(into: &occupancy) { ColocationPlacementRules.bestFit($0, $1, maxPods: maxPods) }
        case .arbitrate(let gpu, let demands):
            return [.grants(ColocationArbitration.spatial(gpu: gpu, demands: demands, config: config))]
        case .serviceLoad:
            return []
        }
    }
}
