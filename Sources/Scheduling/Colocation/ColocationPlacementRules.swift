import ColoModel

/// The GPU-choice rules the co-location policies place pods by (pure functions of the occupancy).
public enum ColocationPlacementRules {
    /// The lowest-numbered empty GPU (one pod per GPU).
    public static func wholeGPU(_ pod: ColocationPod, _ occ: ColocationOccupancy) -> Int? {
        occ.firstEmpty
    }

    /// Best fit by quota: the fullest GPU (most milli-GPU used) the pod fits on, lowest index on ties.
    public static func bestFit(_ pod: ColocationPod, _ occ: ColocationOccupancy, maxPods: Int) -> Int? {
        var best: Int?
        for g in occ.gpus.indices where occ.fits(pod, on: g, maxPods: maxPods) {
            if let b = best, occ.gpus[b].milliUsed >= occ.gpus[g].milliUsed { continue }
            best = g
        }
        return best
    }

    /// LS pods take a GPU with no other LS pod (emptiest first); BE pods join an LS GPU with fewest
    /// BE pods below `maxBE`, else a BE-only GPU with room, else an empty GPU (preemptive, time-sliced).
    public static func besideLS(_ pod: ColocationPod, _ occ: ColocationOccupancy, maxBE: Int, maxPods: Int) -> Int? {
        let memOK: (Int) -> Bool = { hasRoom(pod, on: $0, in: occ, maxPods: maxPods) }
        if pod.priorityClass == .latencySensitive {
            var best: Int?
            for g in occ.gpus.indices where occ.gpus[g].lsCount == 0 && memOK(g) {
                if let b = best, occ.gpus[b].pods.count <= occ.gpus[g].pods.count { continue }
                best = g
            }
            return best
        }
        var best: Int?
        for g in occ.gpus.indices where occ.gpus[g].lsCount > 0 && occ.gpus[g].beCount < maxBE && memOK(g) {
            if let b = best, occ.gpus[b].beCount <= occ.gpus[g].beCount { continue }
            best = g
        }
        if let best { return best }
        for g in occ.gpus.indices where !occ.gpus[g].isEmpty && occ.gpus[g].lsCount == 0
            && occ.gpus[g].beCount < maxBE && memOK(g) {
            return g
        }
        return occ.firstEmpty
    }

    /// Whether `gpu` has the memory for `pod` and fewer than `maxPods` pods (the room ``besideLS(_:_:maxBE:maxPods:)`` asks).
    public static func hasRoom(_ pod: ColocationPod, on gpu: Int, in occ: ColocationOccupancy, maxPods: Int) -> Bool {
        occ.gpus[gpu].memoryUsed + pod.memoryMiB <= occ.memoryPerGPU && occ.gpus[gpu].pods.count < maxPods
    }
}

extension ColocationPlacementRules {
    /// ``bestFit(_:_:maxPods:)`` with the pod limit of `config`.
    static func bestFit(_ config: ColocationConfig) -> ColocationBinder.Placement {
        let maxPods = config.maxPodsPerGPU
        return { bestFit($0, $1, maxPods: maxPods) }
    }

    /// ``besideLS(_:_:maxBE:maxPods:)`` with the BE and pod limits of `config`.
    static func besideLS(_ config: ColocationConfig) -> ColocationBinder.Placement {
        let (maxBE, maxPods) = (config.maxBEPerGPU, config.maxPodsPerGPU)
        return { besideLS($0, $1, maxBE: maxBE, maxPods: maxPods) }
    }
}
