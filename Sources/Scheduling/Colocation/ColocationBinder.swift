/// The binding state every co-location policy keeps (configuration, occupancy, wait queue) and the
/// submit / finish / arbitrate handling they share: a pod binds where the policy's placement rule
/// puts it or waits in the queue, a finish frees its GPU and binds waiting pods in queue order, and
/// each GPU's demands are shared by the policy's arbitration rule (DESIGN §6). A value type with no
/// clock, randomness or I/O; each policy holds one and supplies its own rules.
struct ColocationBinder: Sendable {
    /// Where a policy puts a pod given the occupancy, or `nil` when it must wait.
    typealias Placement = (ColocationPod, ColocationOccupancy) -> Int?
    /// How a policy shares one GPU among its pods' demands for a step.
    typealias Arbitration = (Int, [GPUPodDemand], ColocationConfig) -> GPUStepGrants

    /// The configuration.
    let config: ColocationConfig
    /// Where pods are bound now.
    var occupancy: ColocationOccupancy
    /// Pods waiting for room.
    var queue = ColocationQueue()

    /// An empty cluster of `config.gpuCount` GPUs.
    init(config: ColocationConfig) {
        self.config = config
        occupancy = ColocationOccupancy(count: config.gpuCount, memoryPerGPU: config.gpuMemoryMiB)
    }

    /// Binds `pod` where `place` puts it, else queues it.
    mutating func submit(_ pod: ColocationPod, place: Placement) -> [ColocationAction] {
        if let g = place(pod, occupancy) {
            occupancy.bind(pod, gpu: g)
            return [.bind(pod: pod.id, gpu: g)]
        }
        queue.append(pod)
        return [.queued(pod: pod.id)]
    }

    /// Binds every waiting pod that `place` finds a GPU for, in queue order.
    mutating func drain(place: Placement) -> [ColocationAction] {
        queue.drain(into: &occupancy, place: place)
    }

    /// Handles submit, finish and arbitrate events with the given rules; service loads do nothing.
    mutating func handle(_ event: ColocationEvent, place: Placement, arbitrate: Arbitration) -> [ColocationAction] {
        switch event {
        case .submit(let pod):
            return submit(pod, place: place)
        case .finish(let id):
            occupancy.unbind(id)
            return drain(place: place)
        case .arbitrate(let gpu, let demands):
            return [.grants(arbitrate(gpu, demands, config))]
        case .serviceLoad:
            return []
        }
    }
}
