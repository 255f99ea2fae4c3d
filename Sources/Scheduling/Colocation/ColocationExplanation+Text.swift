import ColoModel

extension ColocationExplanation {
    /// A one-line human reason with the numbers behind the decision (for `colosim run --explain`);
    /// `pod` and `service` name the policy's pod ids and service indices.
    public func reasonText(pod podName: (Int) -> String, service serviceName: (Int) -> String) -> String {
        let on = gpu.map { "GPU \($0)" } ?? "no GPU"
        switch reason {
        case .placement(let pod, _, let choice):
            return Self.text(choice, pod: pod, gpu: on)
        case .scaling(let f):
            return Self.text(f, kind: kind, gpu: on, service: serviceName(f.service))
        case .preemption(let p):
            let ls = p.lsPods.map(podName).joined(separator: ", ")
            let verb = p.lsPods.count == 1 ? "pod" : "pods"
            let acts = p.lsPods.count == 1 ? "preempts" : "preempt"
            let share = Self.decimal(p.beComputeShare, 3)
            let work = Self.decimal(p.beWorkPerSecond, 3)
            let util = Self.decimal(p.utilization, 3)
            let sw = Self.decimal(p.switchesPerSecond, 1)
            return "LS \(verb) \(ls) on \(on) \(acts) BE pod \(pod.map(podName) ?? "?") under \(p.engine) (node model): "
                + "GPU utilization \(util), BE compute share \(share), BE progress \(work) GPU·s/s, \(sw) context switches/s"
        }
    }

    static func text(_ c: ColocationPlacementChoice, pod: ColocationPod, gpu: String) -> String {
        switch c {
        case .scheduled(let pool, let score, let feasible, let tied, let left):
            let ties = tied > 1 ? " (lowest-numbered of \(tied) tied)" : ""
            let nodes = feasible >= 0 ? "the best of \(feasible) feasible \(feasible == 1 ? "node" : "nodes")" : "the best node"
            return "scheduler (\(pool)): \(gpu) on \(nodes), score \(score)\(ties); the GPU had \(left) of "
                + "\(GPUShare.milliPerGPU) milli-GPU free for \(pod.gpuMilli) milli-GPU and \(pod.memoryMiB) MiB"
        case .pinned(let pool, let left):
            return "current binding (\(pool)): the scenario says the pod runs on \(gpu) now, and it had \(left) of "
                + "\(GPUShare.milliPerGPU) milli-GPU free for \(pod.gpuMilli) milli-GPU and \(pod.memoryMiB) MiB, so it stays there"
        case .unschedulable(let pool, let rejected):
            let why = rejected.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            return "scheduler (\(pool)): no node fits \(pod.gpuMilli) milli-GPU and \(pod.memoryMiB) MiB"
                + (why.isEmpty ? "" : " (\(why))") + "; the pod waits in the queue"
        }
    }

    /// ` (lowest-numbered of N tied)` when the rule broke a tie.
    static func ties(_ tied: Int) -> String { tied > 1 ? " (lowest-numbered of \(tied) tied)" : "" }

    static func text(_ f: TidalScaling, kind: ColocationDecisionKind, gpu: String, service: String) -> String {
        let r = f.rule
        var need = "service \(service) needs ceil(\(decimal(f.load, 0)) req/s / \(decimal(r.capacityPerReplica, 0)) req/s "
            + "per replica × headroom \(decimal(r.headroom, 2))) = \(decimal(f.unclamped, 0))"
        if Double(f.wanted) != f.unclamped {
            let max = r.maxReplicas == .max ? "∞" : String(r.maxReplicas)
            need += " → \(f.wanted) within [\(r.minReplicas), \(max)]"
        }
        need += f.wanted == 1 ? " replica, runs \(f.running)" : " replicas, runs \(f.running)"
        switch kind {
        case .evict:
            return "tidal reclaim: " + need + "; no GPU is free, so \(gpu), the most recently lent of \(f.lentGPUs) "
                + "lent GPUs, is taken back from its BE pod"
        case .startReplica:
            return need + (f.reclaimed ? "; no GPU is free: \(gpu) is reclaimed from its BE pod" : "; \(gpu) is free")
        case .stopReplica:
            return need + "; the newest replica stops and \(gpu) is freed for waiting BE pods"
        default:
            return need
        }
    }

    /// `v` with `digits` decimals (no Foundation in the core).
    static func decimal(_ v: Double, _ digits: Int) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "∞" : "-∞") }
        var scale = 1.0
        for _ in 0..<max(0, digits) { scale *= 10 }
        let scaled = (abs(v) * scale).rounded()
        guard scaled < 9e18 else { return String(v) }
        let n = Int64(scaled)
        let sign = v < 0 && n != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(n) }
        let s = Int64(scale)
        let frac = String(n % s)
        return sign + String(n / s) + "." + String(repeating: "0", count: digits - frac.count) + frac
    }
}
