import ColoModel

/// The per-GPU sharing rules the policies apply each step, as pure functions of the pods' demands.
///
/// A step-level (fluid) reading of DESIGN §4–§5: each pod's demand is the fraction of the step it
/// would run on a GPU of its own; the rules below say how much it gets, how much its kernels slow
/// down, and how long its requests may wait for another pod to give up the GPU.
public enum ColocationArbitration {
    /// Weighted max-min fair shares of `capacity` (water filling): no pod gets more than it asks,
    /// and spare capacity is split by weight among the pods still asking.
    public static func waterFill(demands: [Double], weights: [Double], capacity: Double) -> [Double] {
        var out = Array(repeating: 0.0, count: demands.count)
        var active = Array(demands.indices.filter { demands[$0] > 0 })
        var left = max(0, capacity)
        while !active.isEmpty && left > 1e-15 {
            let w = active.reduce(0.0) { $0 + max(weights[$1], 1e-12) }
            var satisfied: [Int] = []
            for i in active where demands[i] - out[i] <= left * max(weights[i], 1e-12) / w + 1e-15 {
                satisfied.append(i)
            }
            if satisfied.isEmpty {
                for i in active { out[i] += left * max(weights[i], 1e-12) / w }
                left = 0
            } else {
                for i in satisfied {
                    left -= demands[i] - out[i]
                    out[i] = demands[i]
                }
                active.removeAll { satisfied.contains($0) }
            }
        }
        return out
    }

    /// One pod alone on its GPU (dedicated, tidal): it gets all it wants.
    public static func exclusive(gpu: Int, demands: [GPUPodDemand], config: ColocationConfig) -> GPUStepGrants {
        if demands.count > 1 { return slices(gpu: gpu, demands: demands, config: config) }
        let grants = demands.map { GPUPodGrant(pod: $0.pod, availability: 1, duty: min(1, max(0, $0.demand))) }
        let duty = grants.first?.duty ?? 0
        let sm = zip(grants, demands).reduce(0.0) { $0 + $1.0.duty * $1.1.smFraction }
        return GPUStepGrants(gpu: gpu, grants: grants, dutyCycle: duty, smTime: min(1, sm))
    }

    /// Sharing under user-mode compute quotas (HAMi-core: a container's SM utilization is held to
    /// its limit when another container shares the GPU, DESIGN §5). Without MPS the driver
    /// time-slices the pods' contexts (DESIGN §4): their busy times add up, and a request that finds
    /// another context on the GPU waits up to one native timeslice plus a switch. With MPS their
    /// kernels co-run, each slowed by the cache term `1 + κ·m_i·Σ_j m_j·duty_j` (capped at 3.2×),
    /// and the GPU is busy when any pod is (independent activity: `1 − Π(1 − duty_i)`).
    public static func spatial(gpu: Int, demands: [GPUPodDemand], config: ColocationConfig) -> GPUStepGrants {
        let shared = demands.count > 1
        var grants: [GPUPodGrant] = []
        grants.reserveCapacity(demands.count)
        for d in demands {
            let a = shared ? min(1, d.quota / max(d.smFraction, 1e-9)) : 1
            grants.append(GPUPodGrant(pod: d.pod, availability: a, duty: min(max(0, d.demand), a)))
        }
        if !config.mps {
            let wanted = grants.reduce(0.0) { $0 + $1.duty }
            let capacity = shared ? max(0, 1 - config.switchCost / config.nativeTimeslice * Double(demands.count)) : 1
            if wanted > capacity {
                let fair = waterFill(demands: grants.map(\.duty), weights: grants.map { _ in 1 }, capacity: capacity)
                let granted = fair.reduce(0, +)
                for i in grants.indices {
                    grants[i].duty = fair[i]
                    grants[i].availability = min(grants[i].availability, max(fair[i], capacity - (granted - fair[i])))
                }
            }
            let total = grants.reduce(0.0) { $0 + $1.duty }
            var sm = 0.0
            for i in grants.indices {
                let others = total - grants[i].duty
                if others > 0 {
                    grants[i].waitProbability = min(1, others)
                    grants[i].maxWait = config.nativeTimeslice + config.switchCost
                }
                sm += grants[i].duty * demands[i].smFraction
            }
            return GPUStepGrants(gpu: gpu, grants: grants, dutyCycle: min(1, total), smTime: min(1, sm))
        }
        applyCacheSlowdown(&grants, demands: demands, kappa: config.cacheKappa)
        var idle = 1.0
        var sm = 0.0
        for (g, d) in zip(grants, demands) {
            idle *= 1 - g.duty
            sm += g.duty * d.smFraction
        }
        return GPUStepGrants(gpu: gpu, grants: grants, dutyCycle: 1 - idle, smTime: min(1, sm))
    }

    /// LS first, BE in what LS leaves (`preemptive`, DESIGN §6): LS pods run as if alone (co-running
    /// with each other), BE pods share the remaining time by max-min; each LS wake-up that finds BE
    /// running preempts it, costing the LS request `preemptionLatency` and BE `preemptionLoss`.
    public static func priority(gpu: Int, demands: [GPUPodDemand], config: ColocationConfig) -> GPUStepGrants {
        var grants = demands.map { GPUPodGrant(pod: $0.pod, availability: 0, duty: 0) }
        var lsIdle = 1.0
        for (i, d) in demands.enumerated() where d.priorityClass == .latencySensitive {
            grants[i].availability = 1
            grants[i].duty = min(1, max(0, d.demand))
            lsIdle *= 1 - grants[i].duty
        }
        let lsIdx = demands.indices.filter { demands[$0].priorityClass == .latencySensitive }
        let beIdx = demands.indices.filter { demands[$0].priorityClass == .bestEffort }
        if lsIdx.count > 1 {
            var lsGrants = lsIdx.map { grants[$0] }
            applyCacheSlowdown(&lsGrants, demands: lsIdx.map { demands[$0] }, kappa: config.cacheKappa)
            for (k, i) in lsIdx.enumerated() { grants[i] = lsGrants[k] }
        }
        let left = lsIdle
        let beShares = waterFill(demands: beIdx.map { demands[$0].demand }, weights: beIdx.map { _ in 1 }, capacity: left)
        var beDuty = 0.0
        for (k, i) in beIdx.enumerated() {
            grants[i].availability = left
            grants[i].duty = beShares[k]
            beDuty += beShares[k]
        }
        let pBE = left > 1e-12 ? min(1, beDuty / left) : 0
        var preemptions = 0.0
        for i in lsIdx {
            grants[i].waitProbability = pBE * (1 - grants[i].duty)
            grants[i].maxWait = 2 * config.preemptionLatency
            preemptions += demands[i].activationsPerSecond * pBE
        }
        if beDuty > 0 {
            for (k, i) in beIdx.enumerated() where beShares[k] > 0 {
                let part = beShares[k] / beDuty
                grants[i].preemptionsPerSecond = preemptions * part
                grants[i].lostWorkPerSecond = preemptions * part * config.preemptionLoss
                grants[i].duty = max(0, grants[i].duty - grants[i].lostWorkPerSecond)
            }
        }
        let sm = zip(grants, demands).reduce(0.0) { $0 + $1.0.duty * $1.1.smFraction }
        return GPUStepGrants(gpu: gpu, grants: grants, dutyCycle: min(1, (1 - lsIdle) + beDuty), smTime: min(1, sm))
    }

    /// Weighted time slices between contexts, work-conserving (kernel-mode `burst` policy, DESIGN
    /// §5): shares are weighted max-min of the step; a request that finds another context's slice
    /// running waits up to that slice (`slicePeriod · w_j / Σw`) plus a context switch.
    public static func slices(gpu: Int, demands: [GPUPodDemand], config: ColocationConfig) -> GPUStepGrants {
        let weights = demands.map { max($0.weight, 1e-9) }
        let total = weights.reduce(0, +)
        let switches = demands.count > 1 ? config.switchCost / config.slicePeriod * Double(demands.count) : 0
        let capacity = max(0, 1 - switches)
        let duty = waterFill(demands: demands.map { min(1, max(0, $0.demand)) }, weights: weights, capacity: capacity)
        var grants: [GPUPodGrant] = []
        grants.reserveCapacity(demands.count)
        let sumDuty = duty.reduce(0, +)
        for (i, d) in demands.enumerated() {
            var others = 0.0
            var longest = 0.0
            for j in demands.indices where j != i {
                others += min(duty[j], weights[j] / total * capacity)
                if duty[j] > 0 { longest = max(longest, config.slicePeriod * weights[j] / total) }
            }
            let a = max(duty[i], capacity - others)
            let busyOthers = min(1, sumDuty - duty[i])
            grants.append(GPUPodGrant(pod: d.pod, availability: a, duty: duty[i],
                                      waitProbability: busyOthers,
                                      maxWait: longest > 0 ? longest + config.switchCost : 0))
        }
        let sm = zip(duty, demands).reduce(0.0) { $0 + $1.0 * $1.1.smFraction }
        return GPUStepGrants(gpu: gpu, grants: grants, dutyCycle: min(1, sumDuty), smTime: min(1, sm))
    }

    /// The cache term of co-running kernels (DESIGN §4): slowdown_i = 1 + κ·m_i·Σ_{j≠i} m_j·duty_j.
    static func applyCacheSlowdown(_ grants: inout [GPUPodGrant], demands: [GPUPodDemand], kappa: Double) {
        guard grants.count > 1 else { return }
        for i in grants.indices {
            var s = 0.0
            for j in grants.indices where j != i { s += demands[j].dramFraction * grants[j].duty }
            grants[i].slowdown = min(3.2, 1 + kappa * demands[i].dramFraction * s)
        }
    }
}
