import ColoModel

extension ColocationScheduler {
    /// Tidal: scales service `s` to `ceil(load / capacity × headroom)` replicas (DESIGN §6; Aryl,
    /// Lyra). A replica is a whole-GPU LS pod the scheduler places; when no node fits, the GPU most
    /// recently lent to a BE pod is reclaimed (the pod is evicted and queued at the head). Replicas
    /// stop newest first, and waiting BE pods take the freed GPUs.
    mutating func scale(service s: Int, load: Double, now: Double) -> [ColocationAction] {
        guard config.tidalServices.indices.contains(s) else { return [] }
        let rule = config.tidalServices[s]
        let want = rule.replicas(for: load)
        var actions: [ColocationAction] = []
        func facts(reclaimed: Bool = false) -> TidalScaling {
            TidalScaling(service: s, load: load, rule: rule, wanted: want, running: replicaGPUs[s].count,
                         freeGPUs: occupancy.gpus.count { $0.isEmpty }, lentGPUs: lent.count, reclaimed: reclaimed)
        }
        while replicaGPUs[s].count < want {
            let pod = ColocationPod(id: nextReplicaID, priorityClass: .latencySensitive, gpuMilli: GPUShare.milliPerGPU)
            nextReplicaID -= 1
            var reclaimed = false
            var placedAt = place(pod, now: now, explainFailure: false)
            if placedAt == nil, let victimGPU = lent.popLast(), let victim = occupancy.gpus[victimGPU].pods.first {
                if explains {
                    explanations.append(ColocationExplanation(time: now, kind: .evict, pod: victim.id, service: s,
                                                              gpu: victimGPU, reason: .scaling(facts(reclaimed: true))))
                }
                release(victim.id)
                queue.pushFront(victim)
                actions.append(.evict(pod: victim.id, gpu: victimGPU))
                reclaimed = true
                placedAt = place(pod, now: now, explainFailure: false)
            }
            guard case .bind(_, let g)? = placedAt else { break }
            if explains {
                // The scheduler's bind explanation is replaced by the scaling facts.
                if case .bind? = explanations.last?.kind { explanations.removeLast() }
                explanations.append(ColocationExplanation(time: now, kind: .startReplica, service: s, gpu: g,
                                                          reason: .scaling(facts(reclaimed: reclaimed))))
            }
            replicaGPUs[s].append(g)
            replicaPodOnGPU[g] = pod.id
            actions.append(.startReplica(service: s, gpu: g))
        }
        while replicaGPUs[s].count > want, let g = replicaGPUs[s].last {
            if explains {
                explanations.append(ColocationExplanation(time: now, kind: .stopReplica, service: s, gpu: g,
                                                          reason: .scaling(facts())))
            }
            replicaGPUs[s].removeLast()
            if let id = replicaPodOnGPU.removeValue(forKey: g) { release(id) }
            actions.append(.stopReplica(service: s, gpu: g))
        }
        return actions + drain(now: now)
    }
}
