import ColoModel

/// Several schedulers with different placement policies sharing one cluster over time, Kubernetes-
/// style (DESIGN §7): each pod names its scheduler; every scheduler places pods on its own cached
/// view of the cluster and sends binds to the API server (the place engineer's ``SharedCluster``,
/// fine-grained Omega commits), which accepts a bind only if the chosen node and GPUs still have
/// room. A refused bind is a conflict: the pod goes back to the head of its scheduler's queue and the
/// scheduler resyncs its view. Unlike ``MultiSchedulerReplay`` (batches, no time), binds take time to
/// arrive and views are refreshed periodically, so conflicts come from informer lag. A value-type
/// state machine: no clock, no randomness, no I/O.
public struct MultiScheduler: Sendable {
    /// One scheduler.
    public struct Member: Sendable {
        /// Its name (pods name it in ``ColoModel/PodRequest/schedulerName``).
        public let name: String
        /// Its placement logic and cached view of the cluster.
        public internal(set) var core: Scheduler<AnyPlacementPolicy>
        /// Pods waiting for this scheduler, head first.
        public internal(set) var queue: [Int] = []
        /// Binds sent and not yet answered.
        public internal(set) var inFlight = 0
        /// Pods it bound, conflicts it hit, cycles that found no node.
        public internal(set) var bound = 0
        public internal(set) var conflicts = 0
        public internal(set) var unschedulable = 0

        mutating func resync(_ truth: ClusterState) {
            core.sync(to: truth)
        }
    }

    /// The API server: the cluster's committed state.
    public private(set) var truth: SharedCluster
    /// The schedulers.
    public private(set) var members: [Member]
    /// Pods by id.
    public private(set) var pods: [Int: PodRequest] = [:]
    /// Where bound pods are, and which scheduler bound them.
    public private(set) var placements: [Int: (placement: Placement, scheduler: Int)] = [:]
    /// Draws for tie-breaking, per pod (given by the caller, so the machine draws nothing).
    public var draws: [Int: PlacementDraws] = [:]
    /// Whether cycles keep their decision with its filter and score details (``lastDecision``), for
    /// `--explain`; placements are the same either way.
    public var explains = false {
        didSet { for i in members.indices { members[i].core.explains = explains } }
    }
    /// The decision of the latest `.cycle` (with ``explains`` on; `nil` otherwise).
    public private(set) var lastDecision: PlacementDecision?

    /// Creates the schedulers over `cluster`, each with its policy.
    public init(cluster: ClusterState, schedulers: [(name: String, policy: AnyPlacementPolicy)]) {
        truth = SharedCluster(cluster)
        members = schedulers.map { Member(name: $0.name, core: Scheduler(cluster: cluster, policy: $0.policy, name: $0.name)) }
    }

    /// Total conflicts (refused binds).
    public var conflicts: Int { members.reduce(0) { $0 + $1.conflicts } }

    /// Handles one event.
    public mutating func handle(_ event: MultiSchedulerEvent, now: Double) -> [MultiSchedulerAction] {
        switch event {
        case .arrive(let id, let request):
            guard let m = members.firstIndex(where: { $0.name == request.schedulerName }) else {
                return [.unknownScheduler(pod: id, name: request.schedulerName)]
            }
            pods[id] = request
            members[m].queue.append(id)
            return []
        case .cycle(let m):
            guard members.indices.contains(m), !members[m].queue.isEmpty else { return [] }
            let id = members[m].queue.removeFirst()
            guard let request = pods[id] else { return [] }
            let decision = members[m].core.schedule(request, draws: draws[id] ?? .first)
            lastDecision = explains ? decision : nil
            guard let p = decision.placement else {
                members[m].unschedulable += 1
                members[m].queue.append(id)
                return [.unschedulable(scheduler: m, pod: id)]
            }
            members[m].inFlight += 1
            return [.sendBind(scheduler: m, pod: id, placement: p)]
        case .bindArrives(let m, let id, let p):
            members[m].inFlight -= 1
            if truth.commit(p, by: m, seenVersion: truth.versions[p.node], fineGrained: true) {
                placements[id] = (p, m)
                members[m].bound += 1
                return [.bound(scheduler: m, pod: id, placement: p)]
            }
            members[m].conflicts += 1
            members[m].queue.insert(id, at: 0)
            members[m].resync(truth.state)
            return [.conflict(scheduler: m, pod: id, node: p.node)]
        case .sync(let m):
            // A resync with binds in flight would forget the scheduler's own assumptions.
            if members.indices.contains(m), members[m].inFlight == 0 { members[m].resync(truth.state) }
            return []
        case .depart(let id):
            if let p = placements.removeValue(forKey: id) { truth.release(p.placement, by: p.scheduler) }
            pods[id] = nil
            return []
        }
    }
}
