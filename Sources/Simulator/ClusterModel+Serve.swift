import Scheduling

/// The quantile grid each step's latency distribution is recorded on (point, weight), denser in the tail.
let clusterLatencyGrid: [(q: Double, w: Double)] = [
    (0.05, 0.1), (0.15, 0.1), (0.25, 0.1), (0.35, 0.1), (0.45, 0.1), (0.55, 0.1), (0.65, 0.1), (0.75, 0.1),
    (0.85, 0.1), (0.925, 0.05), (0.965, 0.03), (0.985, 0.01), (0.9925, 0.005), (0.9975, 0.005),
]

extension ClusterModel {
    /// Serves one replica's load for a step under its grant and records the latencies.
    mutating func serve(_ r: Int, lambda: Double, grant: GPUPodGrant, dt: Double) {
        let s = replicas[r].service
        let m = config.services[s].latency
        let a = max(grant.availability, 1e-6)
        let slow = grant.slowdown
        let big = Double(m.maxBatch)
        let mu = a * big / m.batchTime(big, slowdown: slow)
        let s1 = m.batchTime(1, slowdown: slow)
        var b = 1.0
        var rho = lambda * s1 / a
        if rho > 1 || replicas[r].backlog > 0 {
            for _ in 0..<30 { b = min(big, max(1, lambda * m.batchTime(b, slowdown: slow) / a)) }
            rho = 1
        }
        let before = replicas[r].backlog
        let after = max(0, before + (lambda - mu) * dt)
        replicas[r].backlog = after
        let queueWait = (before + after) / 2 / mu
        let sb = m.batchTime(b, slowdown: slow)
        let n = lambda * dt
        guard n > 0 else { return }
        // A request's latency at quantile q (comonotone bound over the independent delays): its
        // own batch plus the residual of the batch in progress (busy with probability ρ), plus a
        // possible wait for another pod's slice or preemption, plus the backlog's queueing. With
        // batching (ρ = 1) Poisson arrivals make batches vary: the q-quantile batch is taken as
        // b + z_q·√b (normal approximation of the Poisson count), which matched the single-GPU
        // simulator's p99 within 5 % at 1000 req/s (docs/cluster.md).
        func latency(_ q: Double) -> Double {
            var s = sb
            if rho >= 1 && b > 1 && q > 0.5 {
                let bq = min(big, b + ClusterLatencyModel.normalQuantile(q) * b.squareRoot())
                s = m.batchTime(bq, slowdown: slow)
            }
            let x = rho >= 1 ? q : max(0, (q - (1 - rho)) / max(rho, 1e-12))
            let y = grant.waitProbability > 0 ? max(0, (q - (1 - grant.waitProbability)) / grant.waitProbability) : 0
            return m.hostTime + s * (1 + x) + grant.maxWait * y + queueWait
        }
        for (q, w) in clusterLatencyGrid { histograms[s].record(latency(q), weight: n * w) }
        worstStepP99[s] = max(worstStepP99[s], latency(0.99))
    }
}
