import ColoModel

/// Several schedulers, each with its own policy, placing the pods that name them on one cluster.
///
/// Pods arrive in batches of `batchSize` (pods of one batch are decided concurrently): every
/// scheduler takes a snapshot of the ``SharedCluster`` at the start of the batch, decides its pods on
/// that snapshot, and the decisions are committed in arrival order. A rejected commit is a conflict;
/// the pod is retried in the next batch up to `maxRetries` times, then fails. Pods naming an unknown
/// scheduler fail.
public enum MultiSchedulerReplay {
    /// Counts per scheduler.
    public struct SchedulerStats: Sendable, Hashable {
        /// Scheduler name.
        public var name: String
        /// Policy name.
        public var policy: String
        /// Pods bound.
        public var placed = 0
        /// Pods that failed (no feasible node or too many conflicts).
        public var failed = 0
        /// Commits rejected.
        public var conflicts = 0
    }

    /// The outcome of a multi-scheduler replay.
    public struct Result: Sendable, Hashable {
        /// Per scheduler, in the order given.
        public var schedulers: [SchedulerStats]
        /// Pods whose scheduler name matched none.
        public var unknownScheduler: Int
        /// The final shared state.
        public var cluster: SharedCluster
        /// Total conflicts.
        public var conflicts: Int { schedulers.reduce(0) { $0 + $1.conflicts } }
        /// Total pods bound.
        public var placed: Int { schedulers.reduce(0) { $0 + $1.placed } }
    }

    /// Runs the replay.
    public static func run(cluster: ClusterState, schedulers: [(name: String, policy: AnyPlacementPolicy)],
                           pods: [PodRequest], draws: [PlacementDraws], nodeRank: [Int]? = nil,
                           batchSize: Int = 1, maxRetries: Int = 3, fineGrained: Bool = true) -> Result {
        var shared = SharedCluster(cluster)
        var views = schedulers.map { Scheduler(cluster: cluster, policy: $0.policy, name: $0.name, nodeRank: nodeRank) }
        var stats = schedulers.map { SchedulerStats(name: $0.name, policy: $0.policy.name) }
        var index: [String: Int] = [:]
        for (i, s) in schedulers.enumerated() where index[s.name] == nil { index[s.name] = i }
        var unknown = 0
        var queue: [(pod: Int, tries: Int)] = pods.indices.map { ($0, 0) }
        var head = 0
        let batch = max(1, batchSize)
        while head < queue.count {
            let slice = queue[head..<min(queue.count, head + batch)]
            head += slice.count
            let seen = shared.versions
            for v in views.indices { views[v].sync(to: shared.state) }
            var proposals: [(pod: Int, tries: Int, writer: Int, placement: Placement)] = []
            for item in slice {
                let pod = pods[item.pod]
                guard let w = index[pod.schedulerName] else {
                    unknown += 1
                    continue
                }
                let d = item.pod < draws.count ? draws[item.pod] : .first
                if let p = views[w].schedule(pod, draws: d).placement {
                    proposals.append((item.pod, item.tries, w, p))
                } else {
                    stats[w].failed += 1
                }
            }
            var retries: [(pod: Int, tries: Int)] = []
            for p in proposals {
                if shared.commit(p.placement, by: p.writer, seenVersion: seen[p.placement.node], fineGrained: fineGrained) {
                    stats[p.writer].placed += 1
                } else {
                    stats[p.writer].conflicts += 1
                    if p.tries < maxRetries {
                        retries.append((p.pod, p.tries + 1))
                    } else {
                        stats[p.writer].failed += 1
                    }
                }
            }
            queue.insert(contentsOf: retries, at: head)
        }
        return Result(schedulers: stats, unknownScheduler: unknown, cluster: shared)
    }
}
