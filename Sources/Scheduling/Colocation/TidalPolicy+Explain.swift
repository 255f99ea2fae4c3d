extension TidalPolicy {
    /// Why the tidal policy, in its current state, answers `event` with `actions`: each replica start
    /// or stop with the replica rule's numbers (load, capacity, headroom, replicas wanted and running),
    /// each reclaim with the lent GPU it takes, and each lend (a BE pod bound to a GPU no replica needs).
    public func explain(_ event: ColocationEvent, actions: [ColocationAction], now: Double) -> [ColocationExplanation] {
        var occ = occupancy
        var waiting = Dictionary(queue.pods.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        switch event {
        case .submit(let pod):
            waiting[pod.id] = pod
            return ColocationExplainer.placements(actions, pods: waiting, occupancy: &occ, rule: .tidalLend,
                                                  config: config, now: now)
        case .finish(let id):
            occ.unbind(id)
            return ColocationExplainer.placements(actions, pods: waiting, occupancy: &occ, rule: .tidalLend,
                                                  config: config, now: now)
        case .arbitrate(let gpu, let demands):
            return ColocationExplainer.preemptions(gpu: gpu, demands: demands, actions: actions, now: now)
        case .serviceLoad(let s, let load):
            guard config.tidalServices.indices.contains(s) else { return [] }
            let rule = config.tidalServices[s]
            var running = replicaGPUs[s].count
            var lentCount = lent.count
            var reclaimedGPU: Int?
            var out: [ColocationExplanation] = []
            for a in actions {
                let facts = TidalScaling(service: s, load: load, rule: rule, wanted: rule.replicas(for: load),
                                         running: running, freeGPUs: occ.gpus.count { $0.isEmpty }, lentGPUs: lentCount)
                switch a {
                case .evict(let pod, let gpu):
                    var f = facts
                    f.reclaimed = true
                    out.append(ColocationExplanation(time: now, kind: .evict, pod: pod, service: s, gpu: gpu, reason: .scaling(f)))
                    if let (p, _) = occ.unbind(pod) { waiting[p.id] = p }
                    lentCount -= 1
                    reclaimedGPU = gpu
                case .startReplica(_, let gpu):
                    var f = facts
                    f.reclaimed = reclaimedGPU == gpu
                    out.append(ColocationExplanation(time: now, kind: .startReplica, service: s, gpu: gpu, reason: .scaling(f)))
                    occ.bind(Self.replicaPod(service: s, gpu: gpu), gpu: gpu)
                    running += 1
                    reclaimedGPU = nil
                case .stopReplica(_, let gpu):
                    out.append(ColocationExplanation(time: now, kind: .stopReplica, service: s, gpu: gpu, reason: .scaling(facts)))
                    occ.unbind(Self.replicaPod(service: s, gpu: gpu).id)
                    running -= 1
                case .bind, .queued:
                    out += ColocationExplainer.placements([a], pods: waiting, occupancy: &occ, rule: .tidalLend,
                                                          config: config, now: now)
                case .grants:
                    continue
                }
            }
            return out
        }
    }
}
