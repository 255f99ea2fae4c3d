import Scheduling
import Simulator
import Testing
import Workload

/// The fluid cluster model against closed-form outcomes.
struct ClusterSimulationTests {
    let model = ClusterLatencyModel()

    func constantService(_ u: Double, replicas: Int = 1, target: Double = 0.05) -> ClusterServiceConfig {
        ClusterServiceConfig(name: "svc", replicas: replicas,
                             load: .utilizationProfiles([TimeSeries(start: 0, step: 60, values: [u])]),
                             p99Target: target)
    }

    @Test func latencyModelMatchesPublishedResNet50() {
        // (0.41·32 + 2.55) ms per batch of 32 → 2042 img/s, the published 2045 within 0.2 %.
        #expect(abs(model.batchTime(32) - 15.67e-3) < 1e-12)
        #expect(abs(model.peakThroughput - 2045) / 2045 < 0.002)
        // Half the SMs slow a full batch twice; a batch of 8 uses only a quarter and is not slowed.
        #expect(abs(model.batchTime(32, smShare: 0.5) - 2 * 15.67e-3) < 1e-12)
        #expect(abs(model.batchTime(8, smShare: 0.25) - (0.41 * 8 + 2.55) * 1e-3) < 1e-12)
        #expect(abs(model.load(forDuty: 0.2) - 0.2 / 2.96e-3) < 1e-9)
    }

    @Test func histogramQuantilesWithinOnePercent() {
        var h = ClusterLatencyHistogram(target: 0.5)
        for i in 1...1000 { h.record(Double(i) * 1e-3, weight: 1) }
        #expect(abs(h.quantile(0.99) - 0.990) / 0.990 < 0.011)
        #expect(abs(h.quantile(0.5) - 0.500) / 0.500 < 0.011)
        #expect(abs(h.attainment - 0.5) < 1e-12)
    }

    @Test func dedicatedReplicaDutyAndLatencyFollowTheModel() {
        let cfg = ClusterSimulationConfig(nodes: 1, gpusPerNode: 2, policy: .dedicated,
                                          services: [constantService(0.3)], jobs: [], duration: 600, step: 10)
        let r = ClusterSimulation.run(cfg)
        #expect(abs(r.utilizationMean - 0.3) < 1e-9)                 // duty = λ·L(1) = u
        #expect(r.gpusUsedMean == 1 && r.gpusUsedPeak == 1)
        #expect(abs(r.allocationRatio - 0.5) < 1e-9)                // 1 of 2 GPUs
        // Batch 1, busy 30 %: the 99th percentile waits 0.99 − 0.7 = 0.29 of 0.3 of a batch.
        let s1 = 2.96e-3
        #expect(abs(r.services[0].worstStepP99 - s1 * (1 + 0.29 / 0.3)) < 1e-12)
        #expect(abs(r.services[0].requests - 0.3 / s1 * 600) < 1e-6)
        #expect(r.allSLAMet)
    }

    @Test func overloadBuildsBacklogAndMissesTheSLA() {
        // Two replicas' load on one replica (shared quota 1000 but time-sliced with a saturating BE peer).
        let cfg = ClusterSimulationConfig(
            nodes: 1, gpusPerNode: 1, policy: .timeSliced,
            services: [ClusterServiceConfig(name: "hot", replicas: 1, load: .arrivals(.poisson(rate: 1900)), p99Target: 0.05)],
            jobs: [ClusterJobConfig(kind: .training(TrainingJobSpec(name: "t", iterations: 100_000, iterationWork: 1)))],
            duration: 600, step: 10)
        let r = ClusterSimulation.run(cfg)
        // LS gets half the GPU (weights 1:1): 0.5 × 2042 < 1900 req/s → the queue grows without bound.
        #expect(!r.allSLAMet)
        #expect(r.services[0].p99 > 1)
    }

    @Test func trainingJobCompletionCountsCheckpoints() {
        let t = TrainingJobSpec(name: "t", iterations: 3600, iterationWork: 1, iterationCV: 0, checkpointEvery: 600,
                                checkpointSeconds: 30, restartSeconds: 100)
        let cfg = ClusterSimulationConfig(nodes: 1, gpusPerNode: 1, policy: .dedicated, services: [],
                                          jobs: [ClusterJobConfig(kind: .training(t))], duration: 7200, step: 10)
        let r = ClusterSimulation.run(cfg)
        // 3600 s of work + 5 checkpoints (at 600 … 3000 s of progress) × 30 s.
        #expect(abs((r.jobs[0].completionTime ?? 0) - 3750) < 1e-6)
        #expect(r.jobs[0].workDone == 3600 && r.jobs[0].lostWork == 0)
    }

    @Test func tidalEvictionLosesWorkSinceCheckpoint() {
        // One service on a 2-GPU cluster: 1 replica until t = 1000 s, then 2 — the job's GPU is reclaimed.
        let rate = TimeSeries(times: [0, 1000], values: [100, 3000], end: 20_000) ?? TimeSeries(start: 0, step: 1, values: [0])
        let svc = ClusterServiceConfig(name: "svc", replicas: 1, load: .arrivals(.rateCurve(rate)), p99Target: 0.05,
                                       tidal: TidalService(capacityPerReplica: 2000, headroom: 1))
        let t = TrainingJobSpec(name: "t", iterations: 10_000, iterationWork: 1, iterationCV: 0, checkpointEvery: 300,
                                checkpointSeconds: 0, restartSeconds: 100)
        let cfg = ClusterSimulationConfig(nodes: 1, gpusPerNode: 2, policy: .tidal, services: [svc],
                                          jobs: [ClusterJobConfig(kind: .training(t))], duration: 1500, step: 10,
                                          scaleInterval: 600, replicaStartup: 0)
        let r = ClusterSimulation.run(cfg)
        // Scaling at t = 600 s sees the t = 1000 s step within its look-ahead (600 + 600 s): the job
        // ran 600 s, last checkpoint at 600 s → lost 0; it never gets the GPU back.
        #expect(r.reclaims == 1)
        #expect(r.jobs[0].evictions == 1)
        #expect(r.jobs[0].workDone == 600 && r.jobs[0].lostWork == 0)
        // Scaling every 500 s: at t = 500 s the look-ahead reaches the ramp; evicted at 500 s of
        // progress with checkpoints every 300 s → 200 s lost, 300 s kept.
        var late = cfg
        late.scaleInterval = 500
        late.replicaStartup = 0
        let r2 = ClusterSimulation.run(late)
        #expect(r2.jobs[0].evictions == 1)
        #expect(r2.jobs[0].lostWork == 200 && r2.jobs[0].workDone == 300)
    }

    @Test func runsAreDeterministic() {
        let i = InteractiveJobSpec.dataProcessing(name: "etl", duration: 3600)
        let cfg = ClusterSimulationConfig(nodes: 1, gpusPerNode: 2, policy: .preemptive,
                                          services: [constantService(0.2)],
                                          jobs: [ClusterJobConfig(kind: .interactive(i))], duration: 3600, step: 10, seed: 3)
        let a = ClusterSimulation.run(cfg), b = ClusterSimulation.run(cfg)
        #expect(a.digest == b.digest)
        #expect(a.beWorkDone > 0 && a.preemptions > 0)
        var other = cfg
        other.seed = 4
        #expect(ClusterSimulation.run(other).digest != a.digest)
    }
}
