import ColoModel

extension ColocationExplanation {
    /// A one-line human reason with the numbers behind the decision (for `colosim run --explain`);
    /// `pod` and `service` name the policy's pod ids and service indices.
    public func reasonText(pod podName: (Int) -> String, service serviceName: (Int) -> String) -> String {
        let on = gpu.map { "GPU \($0)" } ?? "no GPU"
        switch reason {
        case .placement(let pod, let rule, let choice):
            return rule.rawValue + ": " + Self.text(choice, pod: pod, gpu: on)
        case .scaling(let f):
            return Self.text(f, kind: kind, gpu: on, service: serviceName(f.service))
        case .preemption(let p):
            let ls = p.lsPods.map(podName).joined(separator: ", ")
            var s = "LS \(p.lsPods.count == 1 ? "pod" : "pods") \(ls) on \(on) \(p.lsPods.count == 1 ? "runs" : "run") "
                + "\(Self.decimal(p.lsDuty, 2)) of the step and \(p.lsPods.count == 1 ? "wakes" : "wake") "
                + "\(Self.decimal(p.lsWakeupsPerSecond, 1))/s, preempting BE work at once: BE pod "
                + "\(pod.map(podName) ?? "?") throttled from \(Self.decimal(p.beDemand, 2)) to \(Self.decimal(p.beDuty, 2)) of the step"
            if p.otherBEPods > 0 {
                s += " (sharing what LS leaves with \(p.otherBEPods) other BE \(p.otherBEPods == 1 ? "pod" : "pods"))"
            }
            s += "; \(Self.decimal(p.preemptionsPerSecond, 1)) preemptions/s cost it "
                + "\(Self.decimal(p.lostWorkPerSecond * 1000, 2)) ms/s of progress, LS waits ≤ \(Self.decimal(p.lsMaxWait * 1000, 3)) ms"
            return s
        case .policy(let k):
            return "decided by policy \(k.rawValue) (it gives no reasons of its own)"
        }
    }

    static func text(_ c: ColocationPlacementChoice, pod: ColocationPod, gpu: String) -> String {
        switch c {
        case .lowestEmpty(let empty):
            return "\(gpu) is the lowest-numbered of \(empty) empty GPUs"
        case .noEmptyGPU(let gpus, let ls, let be):
            return "no empty GPU: all \(gpus) GPUs hold a pod (\(ls) LS, \(be) BE)"
        case .bestFit(let milliUsed, let memoryUsed, let candidates, let tied):
            return "\(gpu) had \(GPUShare.milliPerGPU - milliUsed) of \(GPUShare.milliPerGPU) milli-GPU free "
                + "(\(memoryUsed) MiB used), the fullest of \(candidates) GPUs with room for "
                + "\(pod.gpuMilli) milli-GPU and \(pod.memoryMiB) MiB" + ties(tied)
        case .noFit(let most, let milliFree, let memoryFree, let atLimit, let maxPods):
            var s = "no GPU has room for \(pod.gpuMilli) milli-GPU and \(pod.memoryMiB) MiB"
            if let most { s += " (most free: GPU \(most) with \(milliFree) milli-GPU and \(memoryFree) MiB)" }
            if atLimit > 0 { s += "; \(atLimit) GPUs hold the \(maxPods)-pod limit" }
            return s
        case .lsApart(let pods, let candidates, let tied):
            return "\(gpu) holds no other LS pod (\(pods) BE \(pods == 1 ? "pod" : "pods")), the emptiest of "
                + "\(candidates) such GPUs with room" + ties(tied)
        case .noLSFreeGPU(let gpus):
            return "every one of the \(gpus) GPUs already holds an LS pod or has no room"
        case .besideLS(let be, let maxBE, let candidates, let tied):
            return "\(gpu) holds an LS pod and \(be) of at most \(maxBE) BE pods, the fewest among \(candidates) "
                + "LS GPUs with a free BE slot" + ties(tied)
        case .beOnly(let be, let maxBE):
            return "no LS GPU has a free BE slot; \(gpu) holds only BE pods (\(be) of at most \(maxBE))"
        case .emptyForBE(let empty):
            return "no LS GPU or BE-only GPU has a free BE slot; \(gpu) is the lowest-numbered of \(empty) empty GPUs"
        case .noBESlot(let maxBE):
            return "no LS GPU has fewer than \(maxBE) BE pods, no BE-only GPU has room and no GPU is empty"
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
