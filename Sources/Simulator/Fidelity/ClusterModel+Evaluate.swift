import Foundation
import SimEngine

extension ClusterModel {
    /// Evaluates every GPU state of one step with the node model and returns, per state, its response
    /// and per pod the factor that turns the response's rates into this step's (1 at `event`
    /// fidelity; the actual over the quantised load at `response`). Evaluations run on
    /// ``ClusterSimulationConfig/evaluationJobs`` threads; results do not depend on their order.
    mutating func evaluate(_ states: [NodeColocationState], gpus: [Int], step k: Int,
                           dt: Double) throws -> [(NodeResponse, [Double])] {
        switch config.fidelity {
        case .event:
            let seeds = gpus.map { g -> UInt64 in
                var h = FNV1a64()
                h.combine(config.seed)
                h.combine(Int64(g))
                h.combine(Int64(k))
                return h.value
            }
            let out = try ParallelMap.run(states.count, jobs: config.evaluationJobs) { i in
                try NodeModel.evaluate(states[i], window: dt, seed: seeds[i])
            }
            evaluated += states.count
            for r in out { nodeEvents &+= r.events }
            return out.map { r in (r, Array(repeating: 1.0, count: r.pods.count)) }
        case .response:
            var quantised: [(state: NodeColocationState, scales: [Double], key: String, order: [Int])] = []
            var missing: [String: (NodeColocationState, UInt64)] = [:]
            var missingOrder: [String] = []
            for (i, s) in states.enumerated() {
                let (q, scales) = quantise(s)
                let g = gpus[i]  // `gpus[i]` is the GPU of `states[i]`, 0..<gpuCount (``step(now:)``)
                let keyed: KeyedState
                if let last = lastKeyed[g], last.state == q {
                    keyed = last
                } else {
                    let (order, stateKey, seed) = q.canonical(context: responseContext(of: s), keys: podKeys(q.pods))
                    // The window is part of what a response means: a state evaluated over another
                    // window is another entry (the seed stays the state's).
                    keyed = KeyedState(state: q, key: stateKey + "@w" + String(window(of: q).bitPattern, radix: 16),
                                       order: order, seed: seed)
                    lastKeyed[g] = keyed
                }
                let (key, order, seed) = (keyed.key, keyed.order, keyed.seed)
                quantised.append((q, scales, key, order))
                lookups += 1
                if cache.response(key) != nil {
                    hits += 1
                } else if missing[key] == nil {
                    missing[key] = (NodeColocationState(profile: q.profile, isolation: q.isolation, pods: order.map { q.pods[$0] }), seed)
                    missingOrder.append(key)
                } else {
                    hits += 1
                }
            }
            let todo = missingOrder.compactMap { missing[$0] }
            let windows = todo.map { window(of: $0.0) }
            let fresh = try ParallelMap.run(todo.count, jobs: config.evaluationJobs) { i in
                try NodeModel.evaluate(todo[i].0, window: windows[i], seed: todo[i].1)
            }
            for (key, r) in zip(missingOrder, fresh) {
                cache.insert(r, for: key)
                nodeEvents &+= r.events
            }
            evaluated += fresh.count
            return quantised.map { q in
                guard let canonical = cache.response(q.key) else {
                    return (NodeResponse(pods: [], utilization: 0, smUtilization: 0, contextSwitchesPerSecond: 0,
                                         window: 0, events: 0), q.scales)
                }
                var pods = canonical.pods
                for (position, original) in q.order.enumerated() where position < canonical.pods.count {
                    pods[original] = canonical.pods[position]
                }
                var r = canonical
                r.pods = pods
                return (r, q.scales)
            }
        }
    }

    /// The key texts of `pods` (``NodePod/keyText``), each formatted once per run and then looked up:
    /// a run meets few distinct quantised pods, and formatting their numbers was most of keying.
    mutating func podKeys(_ pods: [NodePod]) -> [String] {
        pods.map { pod in
            if let k = podKeyTexts[pod] { return k }
            let k = pod.keyText
            if podKeyTexts.count >= Self.podKeyTextLimit { podKeyTexts.removeAll(keepingCapacity: true) }
            podKeyTexts[pod] = k
            return k
        }
    }

    /// The key context of `state`'s device and engine: computed once per device and engine of a run
    /// (a homogeneous run has one, a run of node groups a few), so its kilobytes of text are described
    /// and hashed once. O(devices) per look-up.
    mutating func responseContext(of state: NodeColocationState) -> NodeColocationState.Context {
        if let c = contexts.first(where: { $0.profile == state.profile && $0.isolation == state.isolation }) { return c.context }
        let context = NodeColocationState.Context(state)
        if contexts.count >= 64 { contexts.removeAll(keepingCapacity: true) }
        contexts.append((state.profile, state.isolation, context))
        return context
    }

    /// The evaluation window of `state`: for a state without latency-sensitive pods (only BE
    /// throughput and utilization are read from it) ``ClusterSimulationConfig/beResponseWindow``, by
    /// default the shorter of ``ClusterSimulationConfig/defaultBEResponseWindow`` and the LS window;
    /// else ``ClusterSimulationConfig/responseWindow``.
    func window(of state: NodeColocationState) -> Double {
        if state.pods.contains(where: { $0.priority == .latencySensitive }) { return config.responseWindow }
        return config.beResponseWindow ?? min(config.responseWindow, ClusterSimulationConfig.defaultBEResponseWindow)
    }

    /// `state` with its load levels on the grid, and per pod the actual over the quantised load.
    func quantise(_ state: NodeColocationState) -> (NodeColocationState, [Double]) {
        var s = state
        var scales = Array(repeating: 1.0, count: state.pods.count)
        let grid = max(config.loadGrid, 1e-6)
        for (i, pod) in state.pods.enumerated() {
            switch pod.work {
            case .inference(let spec, let rate) where rate > 0:
                let single = spec.alpha.seconds + spec.beta.seconds
                let u = rate * single
                let uq = max(grid, (u / grid).rounded() * grid)
                let rq = uq / single
                s.pods[i].work = .inference(spec, ratePerSecond: rq)
                scales[i] = rate / rq
            case .bursts(let kernel, let demand) where demand > 0:
                let g = max(config.beLoadGrid ?? max(grid, 0.05), 1e-6)
                let dq = min(1, max(g, (demand / g).rounded() * g))
                s.pods[i].work = .bursts(kernel, demand: dq)
                scales[i] = demand / dq
            default:
                break
            }
        }
        return (s, scales)
    }
}
