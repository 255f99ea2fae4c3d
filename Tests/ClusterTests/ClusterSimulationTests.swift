import Foundation
import Scheduling
import Simulator
import Testing
import Workload

/// The cluster pipeline: node model in the loop, true-mixture percentiles, engines visible at cluster level.
struct ClusterSimulationTests {
    /// One inference service of batch 1 on one dedicated GPU: deterministic service S, Poisson arrivals.
    static func md1(rate: Double, duration: Double, seed: UInt64 = 1) -> (ClusterSimulationConfig, Double) {
        let lat = ClusterLatencyModel(alpha: 0, beta: 0.004, hostTime: 0, kneeBatch: 1, maxBatch: 1)
        let svc = ClusterServiceConfig(name: "md1", replicas: 1, load: .arrivals(.poisson(rate: rate)),
                                       latency: lat, p99Target: 1)
        var cfg = ClusterSimulationConfig(nodes: 1, gpusPerNode: 1, policy: .dedicated, services: [svc], jobs: [],
                                          duration: duration, step: duration / 4, seed: seed)
        cfg.fidelity = .event
        let p = cfg.profile
        // The server is busy from a batch's launch to the host seeing it complete.
        let s = 0.004 + p.launchLatency.seconds + p.completionLatency.seconds
        return (cfg, s)
    }

    /// P(sojourn ≤ t) of M/D/1 with rate λ and service s (Erlang's waiting-time formula).
    static func md1CDF(_ t: Double, lambda: Double, s: Double) -> Double {
        let x = t - s
        guard x >= 0 else { return 0 }
        let rho = lambda * s
        var sum = 0.0
        for k in 0...Int(x / s) {
            let u = lambda * (Double(k) * s - x)
            var term = exp(-u)
            for i in 1...max(1, k) where k > 0 { term *= u / Double(i) }
            sum += term
        }
        return (1 - rho) * sum
    }

    static func md1Quantile(_ q: Double, lambda: Double, s: Double) -> Double {
        var lo = s, hi = 100 * s
        for _ in 0..<100 {
            let mid = (lo + hi) / 2
            if md1CDF(mid, lambda: lambda, s: s) < q { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    @Test("a batch-1 service on a dedicated GPU is M/D/1: p50 and p99 within 2 % of the closed form")
    func md1ClosedForm() throws {
        let lambda = 100.0
        let (cfg, s) = Self.md1(rate: lambda, duration: 2400)
        let r = try ClusterSimulation.run(cfg)
        let p50 = Self.md1Quantile(0.5, lambda: lambda, s: s)
        let p99 = Self.md1Quantile(0.99, lambda: lambda, s: s)
        #expect(abs(r.services[0].p50 / p50 - 1) < 0.02, "p50 \(r.services[0].p50) vs M/D/1 \(p50)")
        #expect(abs(r.services[0].p99 / p99 - 1) < 0.02, "p99 \(r.services[0].p99) vs M/D/1 \(p99)")
        #expect(r.services[0].unserved < 0.001 * r.services[0].offered)
    }

    @Test("a run's p99 (merged histograms) never exceeds its worst window's p99")
    func mixtureNeverAboveWorstWindow() throws {
        for policy in ColocationPolicyKind.allCases where policy != .tidal {
            let svc = ClusterServiceConfig(name: "s", replicas: 3, load: .arrivals(.diurnal(DiurnalRate(mean: 300, peakToTrough: 4, peakHour: 0.05))),
                                           p99Target: 0.05)
            let job = ClusterJobConfig(kind: .training(TrainingJobSpec(name: "t", submitTime: 0, iterations: 1000, iterationWork: 1,
                                                                       iterationCV: 0, smFraction: 1, checkpointEvery: 0,
                                                                       checkpointSeconds: 0, restartSeconds: 0)), gpuMilli: 250)
            var cfg = ClusterSimulationConfig(nodes: 1, gpusPerNode: 4, policy: policy, services: [svc], jobs: [job],
                                              duration: 240, step: 30)
            cfg.responseWindow = 5
            let r = try ClusterSimulation.run(cfg)
            #expect(r.services[0].p99 <= r.services[0].worstStepP99 * (1 + 1e-12), "\(policy): \(r.services[0].p99) > \(r.services[0].worstStepP99)")
            #expect(r.services[0].p99 > 0)
        }
    }

    @Test("the per-GPU heat map holds the run's GPU duty: Σ over GPUs of each row's mean = cluster utilization × GPUs")
    func heatMapAddsUpToClusterUtilization() throws {
        for policy in [ColocationPolicyKind.dedicated, .shared] {
            let svc = ClusterServiceConfig(name: "s", replicas: 3, load: .arrivals(.diurnal(DiurnalRate(mean: 300, peakToTrough: 4, peakHour: 0.05))),
                                           p99Target: 0.05)
            var cfg = ClusterSimulationConfig(nodes: 1, gpusPerNode: 4, policy: policy, services: [svc], jobs: [],
                                              duration: 240, step: 30)
            cfg.responseWindow = 5
            let r = try ClusterSimulation.run(cfg)
            #expect(r.gpuHeat.count == 4)
            #expect(r.heatBucketSeconds * Double(r.gpuHeat.first?.count ?? 0) == 240)
            let duty = r.gpuHeat.reduce(0.0) { $0 + $1.reduce(0, +) / Double(max(1, $1.count)) }
            #expect(abs(duty - r.clusterUtilizationMean * 4) < 1e-9, "\(policy): \(duty) vs \(r.clusterUtilizationMean * 4)")
            #expect(r.gpuHeat.allSatisfy { $0.allSatisfy { $0 >= 0 && $0 <= 1 + 1e-9 } })
            #expect(r.gpuHeat.filter { $0.contains { $0 > 0 } }.count == r.gpusUsedPeak)
        }
    }

    @Test("replicas without a GPU are unserved requests (SLA misses), never a latency")
    func unplacedReplicasAreUnserved() throws {
        let svc = ClusterServiceConfig(name: "s", replicas: 3, load: .arrivals(.poisson(rate: 90)), p99Target: 0.05)
        var cfg = ClusterSimulationConfig(nodes: 1, gpusPerNode: 2, policy: .dedicated, services: [svc], jobs: [],
                                          duration: 120, step: 30)
        cfg.responseWindow = 5
        let r = try ClusterSimulation.run(cfg)
        // The service's rate is split over its ready placed replicas; one replica has no GPU but no own load.
        #expect(r.services[0].unserved < 0.01 * r.services[0].offered)
        #expect(r.services[0].p99 < 1)
        let profiles = (0..<3).map { _ in TimeSeries(start: 0, step: 60, values: [0.3, 0.3]) }
        var cfg2 = cfg
        cfg2.services = [ClusterServiceConfig(name: "p", replicas: 3, load: .utilizationProfiles(profiles), p99Target: 0.05)]
        let r2 = try ClusterSimulation.run(cfg2)
        let share = r2.services[0].unserved / r2.services[0].offered
        #expect(abs(share - 1.0 / 3) < 0.02, "unserved share \(share)")
        #expect(!r2.services[0].slaMet)
        #expect(r2.services[0].p99 < 1, "unserved requests must not enter the latency histogram")
    }
}
