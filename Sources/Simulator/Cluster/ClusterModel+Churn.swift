import Scheduling
import SimEngine
import Workload

/// Pod churn: replicas whose pods end and are replaced (``ClusterServiceConfig/lifetimes``) and
/// training jobs submitted again when they finish (``ClusterJobConfig/resubmit``).
extension ClusterModel {
    /// Schedules the replacement and the end of replica `r`, whose pod started at `start`, when its
    /// service gives lifetimes and the end falls inside the run.
    mutating func scheduleChurn(_ r: Int, start: Double, sim: inout Simulation<Double, ClusterEvent>) {
        let svc = config.services[replicas[r].service]
        guard !svc.lifetimes.isEmpty else { return }
        let life = svc.lifetimes[replicas[r].slot % svc.lifetimes.count]
        guard life > 0, life.isFinite, start + life < config.duration else { return }
        let end = start + life
        sim.schedule(.surge(replica: r), at: max(start, end - config.replicaStartup), priority: 0)
        sim.schedule(.retire(replica: r), at: end, priority: 0)
    }

    /// Creates and submits the replacement of replica `r` (not serving until `r` ends).
    mutating func surge(_ r: Int, now: Double, sim: inout Simulation<Double, ClusterEvent>) {
        guard replicas[r].alive, replicas[r].successor == nil else { return }
        let old = replicas[r]
        let next = ClusterReplica(service: old.service, gpu: -1, pod: 0, ready: false, profile: old.profile,
                                  slot: old.slot)
        let id: Int
        if let free = freeReplicaIDs.popLast() {
            id = free
            replicas[id] = next
        } else {
            id = replicas.count
            replicas.append(next)
        }
        replicas[id].pod = id
        replicas[r].successor = id
        let svc = config.services[old.service]
        let p = ColocationPod(id: id, priorityClass: .latencySensitive,
                              gpuMilli: colocation.milli(.latencySensitive, requested: svc.gpuMilli),
                              memoryMiB: svc.memoryMiB, weight: svc.weight)
        apply(decide(.submit(p), now: now), now: now, sim: &sim)
    }

    /// Ends replica `r`'s pod: it leaves its GPU (or the queue) and its replacement serves in its
    /// place from now, whether or not the scheduler has placed it yet (requests of an unplaced
    /// replica are unserved).
    mutating func retire(_ r: Int, now: Double, sim: inout Simulation<Double, ClusterEvent>) {
        guard replicas[r].alive else { return }
        replicas[r].alive = false
        let g = replicas[r].gpu
        if g >= 0 { podsOnGPU[g].removeAll { $0 == r } }
        replicas[r].gpu = -1
        apply(decide(.finish(pod: r), now: now), now: now, sim: &sim)
        if let n = replicas[r].successor, replicas[n].alive {
            replicas[n].ready = true
            scheduleChurn(n, start: now, sim: &sim)
        }
        replicas[r].successor = nil
        freeReplicaIDs.append(r)
    }

    /// Starts the next instance of job `j` (its previous one finished): a fresh pod of the same
    /// shape running a newly drawn runtime, submitted at the next step.
    mutating func renew(_ j: Int, at time: Double) {
        jobs[j].instance += 1
        let draw = RuntimeDraw.runtime(from: jobs[j].config.runtimes, seed: config.seed, job: j, instance: jobs[j].instance)
        jobs[j].totalWork = draw ?? jobs[j].totalWork
        jobs[j].progress = 0
        jobs[j].lastCheckpoint = 0
        jobs[j].lastCheckpointTime = nil
        jobs[j].pendingOverhead = 0
        jobs[j].pendingRestart = 0
        jobs[j].restartOnBind = false
        jobs[j].done = false
        jobs[j].submitted = false
        jobs[j].submitTime = time
        resubmits.append(j)
    }
}
