/// `dedicated` (baseline, DESIGN §6): every pod gets a whole GPU of its own; pods that find no empty
/// GPU wait. Nothing is shared, so each pod runs as fast as it wants.
public struct DedicatedPolicy: ColocationPolicy {
    /// The configuration.
    public let config: ColocationConfig
    /// Where pods are bound now.
    public private(set) var occupancy: ColocationOccupancy
    /// Pods waiting for a GPU.
    public private(set) var queue = ColocationQueue()
    /// Which policy this is.
    public var kind: ColocationPolicyKind { .dedicated }

    /// Creates the policy over an empty cluster.
    public init(config: ColocationConfig) {
        self.config = config
        occupancy = ColocationOccupancy(count: config.gpuCount, memoryPerGPU: config.gpuMemoryMiB)
    }

    /// Handles one event at `now` (seconds) and returns the actions to carry out.
    public mutating func handle(_ event: ColocationEvent, now: Double) -> [ColocationAction] {
        switch event {
        case .submit(let pod):
            if let g = ColocationPlacementRules.wholeGPU(pod, occupancy) {
                occupancy.bind(pod, gpu: g)
                return [.bind(pod: pod.id, gpu: g)]
            }
            queue.append(pod)
            return [.queued(pod: pod.id)]
        case .finish(let id):
            occupancy.unbind(id)
            return queue.drain(into: &occupancy, place: ColocationPlacementRules.wholeGPU)
        case .arbitrate(let gpu, let demands):
            return [.grants(ColocationArbitration.exclusive(gpu: gpu, demands: demands, config: config))]
        case .serviceLoad:
            return []
        }
    }
}
