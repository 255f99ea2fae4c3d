import ColoModel

/// The co-location layer of a cluster run: pods are placed by the cluster ``Scheduler`` (filter →
/// score → bind with the configured ``PlacementPolicyKind``), wait in a queue when no node fits,
/// and — under `tidal` — autoscaled replicas reclaim GPUs lent to BE pods (DESIGN §6, §7).
///
/// A co-location policy is a ``ColocationConfig`` of this one scheduler, not code of its own. Two
/// resource pools: LS pods (and every pod when ``ColocationConfig/BEPool/shared``) in pool 0; under
/// ``ColocationConfig/BEPool/besideLS`` BE pods in pool 1, whose capacity exists only on GPUs running an
/// LS pod. Pod limits per GPU are enforced by setting a full GPU's free milli-GPU to zero in its pool.
/// A value type with no clock, randomness or I/O; explanations are recorded only when ``explains``.
public struct ColocationScheduler: Sendable {
    /// The policy this configuration is.
    public let kind: ColocationPolicyKind
    /// The configuration.
    public let config: ColocationConfig
    /// Where pods are bound now.
    public internal(set) var occupancy: ColocationOccupancy
    /// Pods waiting for room.
    public internal(set) var queue = ColocationQueue()
    /// Tidal: GPUs running replicas of each service, oldest first.
    public internal(set) var replicaGPUs: [[Int]]
    /// Tidal: GPUs lent to BE pods, in lending order.
    public internal(set) var lent: [Int] = []
    /// Record an explanation of every decision in ``explanations``.
    public var explains = false
    /// The explanations of the last ``handle(_:now:)`` (when ``explains``).
    public internal(set) var explanations: [ColocationExplanation] = []

    var pools: [Scheduler<AnyPlacementPolicy>]
    /// The cluster's GPUs, node-major over its nodes (``ColocationConfig/nodeLayout``).
    let layout: GPULayout
    var placed: [Int: (pool: Int, placement: Placement)] = [:]
    var replicaPodOnGPU: [Int: Int] = [:]
    var nextReplicaID = -1

    /// An empty cluster of `config.gpuCount` GPUs under `kind`'s configuration `config`. `typicalPods`
    /// feed FGD's fragmentation measure (the pods the run will submit, by popularity).
    public init(kind: ColocationPolicyKind, config: ColocationConfig, typicalPods: [TypicalPod] = []) {
        self.kind = kind
        self.config = config
        occupancy = ColocationOccupancy(memoryOfGPU: (0..<max(0, config.gpuCount)).map { config.memoryMiB(ofGPU: $0) })
        replicaGPUs = Array(repeating: [], count: config.tidalServices.count)
        layout = GPULayout(nodeGPUs: config.nodeLayout)
        let nodeCount = layout.nodeGPUs.count
        var specs: [NodeSpec] = []
        for (n, gpus) in layout.nodeGPUs.enumerated() {
            let first = layout.nodeStart[n]
            let memory = (first..<first + gpus).reduce(0) { $0 + config.memoryMiB(ofGPU: $1) }
            specs.append(NodeSpec(name: "node-\(n)", cpuMilli: 1_000_000, memoryMiB: memory, gpuCount: gpus, gpuModel: nil))
        }
        let cluster = ClusterState(nodes: specs)
        let rank = Array(0..<nodeCount)
        pools = [Scheduler(cluster: cluster, policy: config.placement.policy(cluster: cluster, typicalPods: typicalPods),
                           name: "ls", nodeRank: rank)]
        if config.bePool == .besideLS {
            pools.append(Scheduler(cluster: cluster,
                                   policy: config.bePlacement.policy(cluster: cluster, typicalPods: typicalPods),
                                   name: "be", nodeRank: rank))
        }
        for g in 0..<config.gpuCount { sync(g) }
    }

    /// The pool names as explanations give them.
    func poolName(_ p: Int) -> String {
        pools.count == 1 ? config.placement.rawValue : (p == 0 ? "LS pool, \(config.placement.rawValue)"
                                                                 : "BE-beside-LS pool, \(config.bePlacement.rawValue)")
    }

    /// Handles one event at time `now` (seconds) and returns what to do.
    public mutating func handle(_ event: ColocationEvent, now: Double) -> [ColocationAction] {
        explanations.removeAll(keepingCapacity: true)
        switch event {
        case .submit(let pod):
            if let a = place(pod, now: now, explainFailure: true) {
                if config.autoscale, pod.priorityClass == .bestEffort, case .bind(_, let g) = a { lent.append(g) }
                return [a]
            }
            queue.append(pod)
            return [.queued(pod: pod.id)]
        case .submitPinned(let pod, let gpu):
            if let a = pin(pod, gpu: gpu, now: now) ?? place(pod, now: now, explainFailure: true) {
                if config.autoscale, pod.priorityClass == .bestEffort, case .bind(_, let g) = a { lent.append(g) }
                return [a]
            }
            queue.append(pod)
            return [.queued(pod: pod.id)]
        case .finish(let id):
            if let g = release(id) {
                lent.removeAll { $0 == g }
            } else if queue.remove(id: id) {
                return []   // deleted while it waited: nothing was freed
            }
            return drain(now: now)
        case .serviceLoad(let s, let load):
            return scale(service: s, load: load, now: now)
        }
    }

    /// The pool a pod is scheduled in.
    func pool(of pod: ColocationPod) -> Int {
        config.bePool == .besideLS && pod.priorityClass == .bestEffort ? 1 : 0
    }

    /// Schedules `pod`; nil when no node fits (explained when asked and `explainFailure`).
    mutating func place(_ pod: ColocationPod, now: Double, explainFailure: Bool) -> ColocationAction? {
        let p = pool(of: pod)
        let shape = PodShape(cpuMilli: 0, memoryMiB: p == 0 ? pod.memoryMiB : 0, gpuCount: 1, gpuMilli: pod.gpuMilli)
        // GPU memory is per GPU, the scheduler's memory per node: a GPU the pod's memory does not fit
        // on is closed for this pod and the scheduler asked again.
        var blocked: [Int] = []
        var d = pools[p].schedule(shape: shape, draws: PlacementDraws(node: 0, gpu: 0))
        while let pl = d.placement, let local = pl.gpus.first(where: { _ in true }),
              let g = layout.gpu(node: pl.node, local: local),
              occupancy.gpus[g].memoryUsed + pod.memoryMiB > occupancy.memoryOfGPU[g] {
            pools[p].release(pl)
            pools[p].setGPUMilliLeft(node: pl.node, gpu: local, to: 0)
            blocked.append(g)
            d = pools[p].schedule(shape: shape, draws: PlacementDraws(node: 0, gpu: 0))
        }
        for b in blocked { sync(b) }
        guard let pl = d.placement, let local = pl.gpus.first(where: { _ in true }),
              let g = layout.gpu(node: pl.node, local: local) else {
            if explains && explainFailure {
                var rejected: [String: Int] = [:]
                for (v, c) in zip(FilterVerdict.allCases, d.verdictCounts) where v != .fits && c > 0 { rejected[v.phrase] = c }
                explanations.append(ColocationExplanation(
                    time: now, kind: .queued, pod: pod.id,
                    reason: .placement(pod: pod, placement: poolName(p), choice: .unschedulable(pool: poolName(p), rejected: rejected))))
            }
            return nil
        }
        placed[pod.id] = (p, pl)
        occupancy.bind(pod, gpu: g)
        sync(g)
        if explains {
            let left = pools[p].cluster.nodes[pl.node].gpuMilliLeft[local]
            explanations.append(ColocationExplanation(
                time: now, kind: .bind, pod: pod.id, gpu: g,
                reason: .placement(pod: pod, placement: poolName(p), choice: .scheduled(
                    pool: poolName(p), score: d.score, feasibleNodes: d.feasibleNodes, tiedNodes: d.tiedNodes,
                    milliLeft: max(0, left) + pod.gpuMilli))))
        }
        return .bind(pod: pod.id, gpu: g)
    }

    /// Binds `pod` to `gpu` (its current binding) when that GPU has room for it in the pod's pool
    /// (milli-GPU left after the pod limits, device memory); nil when it has none or `gpu` is not a GPU.
    mutating func pin(_ pod: ColocationPod, gpu g: Int, now: Double) -> ColocationAction? {
        guard let (node, local) = layout.locate(g) else { return nil }
        let p = pool(of: pod)
        let left = pools[p].cluster.nodes[node].gpuMilliLeft[local]
        guard left >= pod.gpuMilli, occupancy.gpus[g].memoryUsed + pod.memoryMiB <= occupancy.memoryOfGPU[g] else { return nil }
        let shape = PodShape(cpuMilli: 0, memoryMiB: p == 0 ? pod.memoryMiB : 0, gpuCount: 1, gpuMilli: pod.gpuMilli)
        let pl = pools[p].bind(shape, node: node, gpus: GPUSet([local]))
        placed[pod.id] = (p, pl)
        occupancy.bind(pod, gpu: g)
        sync(g)
        if explains {
            explanations.append(ColocationExplanation(
                time: now, kind: .bind, pod: pod.id, gpu: g,
                reason: .placement(pod: pod, placement: poolName(p), choice: .pinned(pool: poolName(p), milliLeft: left))))
        }
        return .bind(pod: pod.id, gpu: g)
    }

    /// Releases a bound pod; returns its GPU.
    @discardableResult
    mutating func release(_ id: Int) -> Int? {
        guard let (p, pl) = placed.removeValue(forKey: id) else { return nil }
        pools[p].release(pl)
        guard let (_, g) = occupancy.unbind(id) else { return nil }
        sync(g)
        return g
    }

    /// Re-derives GPU `g`'s free milli-GPU in every pool from the occupancy and the pod limits.
    mutating func sync(_ g: Int) {
        guard let (node, local) = layout.locate(g) else { return }
        let gpu = occupancy.gpus[g]
        let full = gpu.pods.count >= config.maxPodsPerGPU
        if pools.count == 1 {
            pools[0].setGPUMilliLeft(node: node, gpu: local, to: full ? 0 : max(0, GPUShare.milliPerGPU - gpu.milliUsed))
            return
        }
        var ls = 0, be = 0
        for pod in gpu.pods { if pod.priorityClass == .bestEffort { be += pod.gpuMilli } else { ls += pod.gpuMilli } }
        pools[0].setGPUMilliLeft(node: node, gpu: local, to: full ? 0 : max(0, GPUShare.milliPerGPU - ls))
        let open = !full && gpu.lsCount > 0 && gpu.beCount < config.maxBEPerGPU
        pools[1].setGPUMilliLeft(node: node, gpu: local, to: open ? max(0, GPUShare.milliPerGPU - be) : 0)
    }

    /// Binds every waiting pod that now fits, in queue order.
    mutating func drain(now: Double) -> [ColocationAction] {
        var actions: [ColocationAction] = []
        var kept: [ColocationPod] = []
        // Placing pods only takes capacity, so once a pod of some shape (pool, milli-GPU, memory) does
        // not fit, no later pod of that shape fits in this pass: it waits without another search. A
        // long queue of a few shapes costs a few searches per pass, not one per pod.
        var unplaceable = Set<QueueShape>()
        for pod in queue.pods {
            let shape = QueueShape(pool: pool(of: pod), gpuMilli: pod.gpuMilli, memoryMiB: pod.memoryMiB)
            if unplaceable.contains(shape) {
                kept.append(pod)
                continue
            }
            if let a = place(pod, now: now, explainFailure: false) {
                if config.autoscale, pod.priorityClass == .bestEffort, case .bind(_, let g) = a { lent.append(g) }
                actions.append(a)
            } else {
                unplaceable.insert(shape)
                kept.append(pod)
            }
        }
        queue.replace(with: kept)
        return actions
    }

    /// What decides whether a waiting pod fits (``drain(now:)``).
    struct QueueShape: Hashable {
        var pool: Int
        var gpuMilli: Int
        var memoryMiB: Int
    }
}
