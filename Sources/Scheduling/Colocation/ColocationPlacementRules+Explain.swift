import ColoModel

extension ColocationPlacementRules {
    /// Where `rule` puts `pod` given the occupancy `occ`, and why (the counts behind the choice); a
    /// pure function of the state before the bind, so it agrees with the rule by construction.
    public static func choice(_ rule: ColocationPlacementRule, for pod: ColocationPod, in occ: ColocationOccupancy,
                              config: ColocationConfig) -> (gpu: Int?, choice: ColocationPlacementChoice) {
        switch rule {
        case .wholeGPU, .tidalLend:
            return wholeGPUChoice(pod, occ)
        case .bestFit:
            return bestFitChoice(pod, occ, maxPods: config.maxPodsPerGPU)
        case .besideLS:
            return besideLSChoice(pod, occ, maxBE: config.maxBEPerGPU, maxPods: config.maxPodsPerGPU)
        }
    }

    static func wholeGPUChoice(_ pod: ColocationPod, _ occ: ColocationOccupancy) -> (gpu: Int?, choice: ColocationPlacementChoice) {
        if let g = wholeGPU(pod, occ) {
            return (g, .lowestEmpty(empty: occ.gpus.count { $0.isEmpty }))
        }
        let ls = occ.gpus.reduce(0) { $0 + $1.lsCount }
        let be = occ.gpus.reduce(0) { $0 + $1.beCount }
        return (nil, .noEmptyGPU(gpus: occ.gpus.count, lsPods: ls, bePods: be))
    }

    static func bestFitChoice(_ pod: ColocationPod, _ occ: ColocationOccupancy,
                              maxPods: Int) -> (gpu: Int?, choice: ColocationPlacementChoice) {
        if let g = bestFit(pod, occ, maxPods: maxPods) {
            let fitting = occ.gpus.indices.filter { occ.fits(pod, on: $0, maxPods: maxPods) }
            let tied = fitting.count { occ.gpus[$0].milliUsed == occ.gpus[g].milliUsed }
            return (g, .bestFit(milliUsed: occ.gpus[g].milliUsed, memoryUsed: occ.gpus[g].memoryUsed,
                                candidates: fitting.count, tied: tied))
        }
        // The GPU with the most free quota (then memory; lowest index on ties), below the pod limit.
        var most: Int?
        for g in occ.gpus.indices where occ.gpus[g].pods.count < maxPods {
            if let m = most, (occ.gpus[m].milliUsed, occ.gpus[m].memoryUsed) <= (occ.gpus[g].milliUsed, occ.gpus[g].memoryUsed) {
                continue
            }
            most = g
        }
        let milliFree = most.map { GPUShare.milliPerGPU - occ.gpus[$0].milliUsed } ?? 0
        let memoryFree = most.map { occ.memoryPerGPU - occ.gpus[$0].memoryUsed } ?? 0
        let atLimit = occ.gpus.count { $0.pods.count >= maxPods }
        return (nil, .noFit(mostFree: most, milliFree: milliFree, memoryFree: memoryFree, atPodLimit: atLimit, maxPods: maxPods))
    }

    static func besideLSChoice(_ pod: ColocationPod, _ occ: ColocationOccupancy, maxBE: Int,
                               maxPods: Int) -> (gpu: Int?, choice: ColocationPlacementChoice) {
        let g = besideLS(pod, occ, maxBE: maxBE, maxPods: maxPods)
        let room: (Int) -> Bool = { hasRoom(pod, on: $0, in: occ, maxPods: maxPods) }
        if pod.priorityClass == .latencySensitive {
            guard let g else { return (nil, .noLSFreeGPU(gpus: occ.gpus.count)) }
            let candidates = occ.gpus.indices.filter { occ.gpus[$0].lsCount == 0 && room($0) }
            let tied = candidates.count { occ.gpus[$0].pods.count == occ.gpus[g].pods.count }
            return (g, .lsApart(pods: occ.gpus[g].pods.count, candidates: candidates.count, tied: tied))
        }
        guard let g else { return (nil, .noBESlot(maxBE: maxBE)) }
        let gpu = occ.gpus[g]
        if gpu.lsCount > 0 {
            let candidates = occ.gpus.indices.filter { occ.gpus[$0].lsCount > 0 && occ.gpus[$0].beCount < maxBE && room($0) }
            let tied = candidates.count { occ.gpus[$0].beCount == gpu.beCount }
            return (g, .besideLS(beCount: gpu.beCount, maxBE: maxBE, candidates: candidates.count, tied: tied))
        }
        if !gpu.isEmpty { return (g, .beOnly(beCount: gpu.beCount, maxBE: maxBE)) }
        return (g, .emptyForBE(empty: occ.gpus.count { $0.isEmpty }))
    }
}
