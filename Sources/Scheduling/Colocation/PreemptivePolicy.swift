/// `preemptive` (DESIGN §6): each LS pod keeps a GPU free of other LS pods; up to `maxBEPerGPU` BE
/// pods join it and use the time LS leaves. An LS wake-up preempts running BE work at once
/// (kernel-mode online-preempts-offline; a fast user-mode launch gate behaves alike); the BE
/// progress lost to each preemption is counted.
public struct PreemptivePolicy: ColocationPolicy {
    /// The configuration.
    public let config: ColocationConfig
    /// Where pods are bound now.
    public private(set) var occupancy: ColocationOccupancy
    /// Pods waiting for room.
    public private(set) var queue = ColocationQueue()
    /// Which policy this is.
    public var kind: ColocationPolicyKind { .preemptive }

    /// Creates the policy over an empty cluster.
    public init(config: ColocationConfig) {
        self.config = config
        occupancy = ColocationOccupancy(count: config.gpuCount, memoryPerGPU: config.gpuMemoryMiB)
    }

    /// Handles one event at `now` (seconds) and returns the actions to carry out.
    public mutating func handle(_ event: ColocationEvent, now: Double) -> [ColocationAction] {
        let (maxBE, maxPods) = (config.maxBEPerGPU, config.maxPodsPerGPU)
        let place = { (p: ColocationPod, o: ColocationOccupancy) in
            ColocationPlacementRules.besideLS(p, o, maxBE: maxBE, maxPods: maxPods)
        }
        switch event {
        case .submit(let pod):
            if let g = place(pod, occupancy) {
                occupancy.bind(pod, gpu: g)
                return [.bind(pod: pod.id, gpu: g)]
            }
            queue.append(pod)
            return [.queued(pod: pod.id)]
        case .finish(let id):
            occupancy.unbind(id)
            return queue.drain(into: &occupancy, place: place)
        case .arbitrate(let gpu, let demands):
            return [.grants(ColocationArbitration.priority(gpu: gpu, demands: demands, config: config))]
        case .serviceLoad:
            return []
        }
    }
}
