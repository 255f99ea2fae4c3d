import ColoModel
import Isolation
import SimEngine

extension ClusterModel {
    /// Pod `pod`'s process starts on GPU `gpu` at `now` (seconds): under the user-mode engine it runs
    /// HAMi-core's host-pid race against the pods already there, with the engine's own rule
    /// (``Isolation/UserModeEngine/hostPidOwner(startingAt:earlier:window:)``): a pod that starts
    /// within ``Isolation/UserModeParameters/hostPidRaceWindowNs`` of another takes the pid the
    /// earliest of those reads, for as long as it runs. O(pods on the GPU).
    ///
    /// Pods placed at time 0 are the run's initial state: their processes started before the run, at
    /// times it does not know, so they race with no one (``podStartedAt`` has no entry for them).
    mutating func started(pod: Int, on gpu: Int, at now: Double) {
        podStartedAt[pod] = now > 0 ? now : nil
        hostPidOwner[pod] = nil
        guard now > 0 else { return }
        guard case .userMode(let p) = isolation else { return }
        let earlier = podsOnGPU[gpu].filter { $0 != pod }.compactMap { q -> (startedAtNs: Int64, reads: Int)? in
            podStartedAt[q].map { (Instant.seconds($0).nanoseconds, hostPidOwner[q] ?? q) }
        }
        let owner = UserModeEngine.hostPidOwner(startingAt: Instant.seconds(now).nanoseconds, earlier: earlier,
                                                window: p.hostPidRaceWindowNs)
        if let owner, owner != pod { hostPidOwner[pod] = owner }
    }

    /// `pods` (the pods of one GPU, `ids[i]` the cluster pod of `pods[i]`) with their host-pid groups:
    /// a pod that took another's pid reads it (its group is that owner's id), and a pod whose pid
    /// others read owns its group. A reader whose owner's process has gone (finished, or evicted and
    /// started again since) keeps reading the old pid: a group without an owner. O(pods).
    func withHostPids(_ pods: [NodePod], ids: [Int]) -> [NodePod] {
        guard !hostPidOwner.isEmpty else { return pods }
        var owners = Set<Int>()
        for id in ids {
            guard let o = hostPidOwner[id], ids.contains(o), let mine = podStartedAt[id],
                  let theirs = podStartedAt[o], theirs <= mine else { continue }
            owners.insert(o)
        }
        var out = pods
        for (i, id) in ids.enumerated() where i < out.count {
            if let o = hostPidOwner[id] {
                out[i].hostPidGroup = o
            } else if owners.contains(id) {
                out[i].hostPidGroup = id
                out[i].ownsHostPid = true
            }
        }
        return out
    }
}
