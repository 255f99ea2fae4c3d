/// `time-sliced` (DESIGN §6): LS and BE pods placed as under ``PreemptivePolicy`` alternate by
/// weighted time slices (kernel mode, work-conserving): each gets at least its weight's share of a
/// slice period when all are busy, and an LS request may wait out a BE slice.
public struct TimeSlicedPolicy: ColocationPolicy {
    /// The configuration.
    public let config: ColocationConfig
    /// Where pods are bound now.
    public private(set) var occupancy: ColocationOccupancy
    /// Pods waiting for room.
    public private(set) var queue = ColocationQueue()
    /// Which policy this is.
    public var kind: ColocationPolicyKind { .timeSliced }

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
            return [.grants(ColocationArbitration.slices(gpu: gpu, demands: demands, config: config))]
        case .serviceLoad:
            return []
        }
    }
}
