import ColoModel
import SimEngine

extension SimulatedGPU {
    /// Recomputes the SM share and progress rate of every item at ``now`` (DESIGN §4).
    ///
    /// 1. Only contexts the graphics grant admits run (none during a context switch).
    /// 2. Between contexts sharing the SMs at once (`.shareAll`): weighted max-min of the SMs over
    ///    their demands (Σ SM fraction of their eligible items, capped at 1).
    /// 3. Within a context: running blocks protected against newcomers keep their SMs first
    ///    (stream priority acts at block granularity: a displaced kernel's running blocks finish,
    ///    `priorityBlockWait` × its block duration); then items take SMs by stream priority
    ///    (higher first) and, among equal priorities, in the order they became eligible (the
    ///    hardware dispatches one grid's blocks before the next's; calibrated on the H200,
    ///    docs/device.md). Rate r = share / SM fraction ≤ 1.
    /// 4. DRAM: if Σ r·m exceeds max(η, max m), rates are water-filled (max-min) to fit.
    /// 5. Cache interference: progress = r / min(cap, 1 + κ·m_i·Σ_{j≠i} m_j) [Gandiva; Horus].
    mutating func recomputeRates() {
        let old = graphics.map(\.smShare)
        allocateGraphics()
        var protectedAny = false
        if profile.priorityBlockWait > 0 {
            for i in graphics.indices where graphics[i].smShare < old[i] - 1e-12 && isCandidate(i) {
                // Still protected, or its protection has just run out (that drop is the point).
                if graphics[i].protectedUntil >= now && graphics[i].protectedShare > 0 { continue }
                let wait = Double(graphics[i].shape.blockDuration.nanoseconds) * profile.priorityBlockWait
                graphics[i].protectedUntil = Instant(nanoseconds: now.nanoseconds + Int64(wait.rounded()))
                graphics[i].protectedShare = old[i]
                protectedAny = true
            }
        }
        if protectedAny { allocateGraphics() }
        var enc = nvenc
        nvenc = []
        allocateCodec(&enc, domain: .nvenc, engines: profile.nvencEngines)
        nvenc = enc
        var dec = nvdec
        nvdec = []
        allocateCodec(&dec, domain: .nvdec, engines: profile.nvdecEngines)
        nvdec = dec
        var trigger = Instant.distantFuture
        for item in graphics where item.protectedUntil > now { trigger = min(trigger, item.protectedUntil) }
        trigger = min(trigger, grants.switchEnd(after: now))
        nextTrigger = trigger
    }

    func isCandidate(_ i: Int) -> Bool {
        graphics[i].eligible && grants.graphics.admits(graphics[i].context, now: now)
    }

    private mutating func allocateGraphics() {
        totalSMShare = 0
        for i in graphics.indices {
            graphics[i].smShare = 0
            graphics[i].progressRate = 0
        }
        let grant = grants.graphics
        if now < grant.switchingUntil { return }
        var candidates: [Int] = []
        var contexts: [ContainerID] = []
        for i in graphics.indices where graphics[i].eligible && grant.admits(graphics[i].context, now: now) {
            candidates.append(i)
            if !contexts.contains(graphics[i].context) { contexts.append(graphics[i].context) }
        }
        guard !candidates.isEmpty else { return }

        // Step 2: SM capacity per context.
        var capacity: [ContainerID: Double] = [:]
        if contexts.count == 1 {
            capacity[contexts[0]] = 1
        } else {
            var demand: [Double] = []
            var weight: [Double] = []
            for c in contexts {
                demand.append(min(1, candidates.filter { graphics[$0].context == c }
                    .reduce(0) { $0 + graphics[$1].shape.smFraction }))
                weight.append(max(1e-9, contextWeights[c] ?? 1))
            }
            let alloc = Self.weightedMaxMin(demands: demand, weights: weight, capacity: 1)
            for (k, c) in contexts.enumerated() { capacity[c] = alloc[k] }
        }

        // Step 3: within each context.
        var share = [Double](repeating: 0, count: graphics.count)
        for c in contexts {
            var cap = capacity[c] ?? 0
            let mine = candidates.filter { graphics[$0].context == c }
            for i in mine where graphics[i].protectedUntil > now {
                let give = max(0, min(graphics[i].protectedShare, graphics[i].shape.smFraction, cap))
                share[i] = give
                cap -= give
            }
            let ordered = mine.sorted {
                let a = graphics[$0], b = graphics[$1]
                if a.streamPriority != b.streamPriority { return a.streamPriority > b.streamPriority }
                return a.eligibleSeq < b.eligibleSeq
            }
            for i in ordered where cap > 1e-12 {
                let give = max(0, min(graphics[i].shape.smFraction - share[i], cap))
                share[i] += give
                cap -= give
            }
        }

        // Step 4: DRAM.
        var rate = [Double](repeating: 0, count: graphics.count)
        var dramUse = 0.0
        var maxM = 0.0
        for i in candidates {
            rate[i] = min(1, share[i] / graphics[i].shape.smFraction)
            dramUse += rate[i] * graphics[i].shape.dramFraction
            if rate[i] > 0 { maxM = max(maxM, graphics[i].shape.dramFraction) }
        }
        let dramCap = max(profile.dramEfficiency, maxM)
        if dramUse > dramCap + 1e-12 {
            let running = candidates.filter { rate[$0] > 0 && graphics[$0].shape.dramFraction > 0 }
            let level = Self.waterLevel(caps: running.map { rate[$0] },
                                        costs: running.map { graphics[$0].shape.dramFraction },
                                        budget: dramCap)
            for i in running { rate[i] = min(rate[i], level) }
        }

        // Step 5: cache interference.
        var mSum = 0.0
        for i in candidates where rate[i] > 0 { mSum += graphics[i].shape.dramFraction * min(1, rate[i]) }
        for i in candidates where share[i] > 0 {
            let m = graphics[i].shape.dramFraction
            let others = mSum - m * min(1, rate[i])
            let slowdown = min(profile.cacheSlowdownCap, 1 + profile.cacheKappa * m * max(0, others))
            graphics[i].smShare = share[i]
            graphics[i].progressRate = rate[i] / slowdown
            totalSMShare += share[i]
        }
    }

    private func allocateCodec(_ items: inout [CodecItem], domain: SliceDomain, engines: Int) {
        let grant = grants[domain] ?? DomainGrant()
        var free = now < grant.switchingUntil ? 0 : engines
        for i in items.indices {
            if free > 0 && grant.admits(items[i].context, now: now) {
                items[i].running = true
                free -= 1
            } else {
                items[i].running = false
            }
        }
    }

    /// Weighted max-min fair shares of `capacity` for the given demands (progressive filling).
    public static func weightedMaxMin(demands: [Double], weights: [Double], capacity: Double) -> [Double] {
        var alloc = [Double](repeating: 0, count: demands.count)
        var active = Array(demands.indices).filter { demands[$0] > 0 }
        var left = capacity
        while !active.isEmpty && left > 1e-15 {
            let wsum = active.reduce(0) { $0 + weights[$1] }
            // The smallest level at which some active demand is met.
            var step = Double.infinity
            for i in active { step = min(step, (demands[i] - alloc[i]) / weights[i]) }
            let fill = min(step, left / wsum)
            for i in active { alloc[i] += fill * weights[i] }
            left -= fill * wsum
            active.removeAll { demands[$0] - alloc[$0] <= 1e-15 }
            if fill < step { break }
        }
        return alloc
    }

    /// The level λ with Σ min(cap_i, λ)·cost_i = budget (max-min water-filling); +∞ if all fit.
    public static func waterLevel(caps: [Double], costs: [Double], budget: Double) -> Double {
        let total = zip(caps, costs).reduce(0) { $0 + $1.0 * $1.1 }
        if total <= budget { return .infinity }
        let order = caps.indices.sorted { caps[$0] < caps[$1] }
        var fixed = 0.0
        var costLeft = costs.reduce(0, +)
        for i in order {
            // All not-yet-fixed items at level caps[i]:
            if fixed + caps[i] * costLeft >= budget { return max(0, (budget - fixed) / costLeft) }
            fixed += caps[i] * costs[i]
            costLeft -= costs[i]
        }
        return .infinity
    }
}
