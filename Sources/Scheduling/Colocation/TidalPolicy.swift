import ColoModel

/// `tidal` (DESIGN §6; Aryl, Lyra): each autoscaled service runs `ceil(load / capacity × headroom)`
/// replicas on whole GPUs. GPUs the services do not need are lent to BE pods (one per GPU); when a
/// service scales up and no GPU is free, the most recently lent GPU is reclaimed: its BE pod is
/// evicted (losing its work since the last checkpoint, which the simulator counts) and queued again
/// at the head. Replicas stop newest first when the load falls, and the freed GPUs are lent again.
public struct TidalPolicy: ColocationPolicy {
    private var binder: ColocationBinder
    /// The configuration (its `tidalServices` are the autoscaled services, indexed from 0).
    public var config: ColocationConfig { binder.config }
    /// Where pods are bound now.
    public var occupancy: ColocationOccupancy { binder.occupancy }
    /// BE pods waiting for a GPU.
    public var queue: ColocationQueue { binder.queue }
    /// GPUs running replicas of each service, oldest first.
    public private(set) var replicaGPUs: [[Int]]
    /// GPUs lent to BE pods, in lending order.
    public private(set) var lent: [Int] = []
    /// Which policy this is.
    public var kind: ColocationPolicyKind { .tidal }

    /// Creates the policy over an empty cluster; services start with no replica (send a load first).
    public init(config: ColocationConfig) {
        binder = ColocationBinder(config: config)
        replicaGPUs = Array(repeating: [], count: config.tidalServices.count)
    }

    /// The placeholder pod that marks a GPU as a replica's in the occupancy.
    static func replicaPod(service: Int, gpu: Int) -> ColocationPod {
        ColocationPod(id: -1 - (service << 24 | gpu), priorityClass: .latencySensitive, gpuMilli: GPUShare.milliPerGPU)
    }

    /// Handles one event at `now` (seconds) and returns the actions to carry out.
    public mutating func handle(_ event: ColocationEvent, now: Double) -> [ColocationAction] {
        switch event {
        case .submit(let pod):
            return lend(binder.submit(pod, place: ColocationPlacementRules.wholeGPU))
        case .finish(let id):
            if let (_, g) = binder.occupancy.unbind(id) { lent.removeAll { $0 == g } }
            return lend(binder.drain(place: ColocationPlacementRules.wholeGPU))
        case .arbitrate(let gpu, let demands):
            return [.grants(ColocationArbitration.exclusive(gpu: gpu, demands: demands, config: config))]
        case .serviceLoad(let s, let load):
            guard config.tidalServices.indices.contains(s) else { return [] }
            let want = config.tidalServices[s].replicas(for: load)
            var actions: [ColocationAction] = []
            while replicaGPUs[s].count < want {
                let g: Int
                if let free = binder.occupancy.firstEmpty {
                    g = free
                } else if let victim = lent.popLast(), let pod = binder.occupancy.gpus[victim].pods.first {
                    binder.occupancy.unbind(pod.id)
                    binder.queue.pushFront(pod)
                    actions.append(.evict(pod: pod.id, gpu: victim))
                    g = victim
                } else {
                    break  // the cluster is full of replicas
                }
                binder.occupancy.bind(Self.replicaPod(service: s, gpu: g), gpu: g)
                replicaGPUs[s].append(g)
                actions.append(.startReplica(service: s, gpu: g))
            }
            while replicaGPUs[s].count > want, let g = replicaGPUs[s].popLast() {
                binder.occupancy.unbind(Self.replicaPod(service: s, gpu: g).id)
                actions.append(.stopReplica(service: s, gpu: g))
            }
            return actions + lend(binder.drain(place: ColocationPlacementRules.wholeGPU))
        }
    }

    /// Records the GPUs of the binds in `actions` as lent, in order, and returns the actions.
    private mutating func lend(_ actions: [ColocationAction]) -> [ColocationAction] {
        for case .bind(_, let g) in actions { lent.append(g) }
        return actions
    }
}
