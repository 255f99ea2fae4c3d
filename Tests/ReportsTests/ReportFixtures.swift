import Foundation
import ResultStore
import Reports

/// Runs of three policies with every chartable part filled.
enum ReportFixtures {
    static func run(id: Int64, policy: String, utilization: Double, attainment: Double, gpus: Double,
                    achieved: Double) -> RunRecord {
        var r = RunRecord(scenarioName: "recsys-colocation", scenarioText: "name: recsys-colocation\n", seed: 1,
                          policy: policy, digest: String(format: "%016llx", UInt64(id) &* 0x9E37_79B9_7F4A_7C15),
                          colosimVersion: "0.1.0", startedAt: Date(timeIntervalSince1970: 1_790_000_000),
                          finishedAt: Date(timeIntervalSince1970: 1_790_000_010))
        r.id = id
        r.setSummary(MetricName.gpuUtilization, utilization)
        r.setSummary(MetricName.slaAttainment, attainment)
        r.setSummary(MetricName.weightError, abs(achieved - 0.5))
        r.setSummary(MetricName.gpusUsed, gpus)
        r.setSummary(MetricName.slaMet, attainment >= 0.99)
        r.addWorkload("online", kind: "ls", metrics: [MetricName.p99Ms: .number(30 + 10 * Double(id)), MetricName.slaTargetMs: 50])
        r.addWorkload("offline", kind: "be", metrics: [MetricName.beThroughput: .number(100 * Double(id))])
        // A diurnal-looking utilization curve.
        r.setSeries(MetricName.utilizationSeries, (0..<200).map { i in
            let t = Double(i) * 60
            return (t: t, value: min(1, max(0, utilization + 0.25 * sin(t / 1800 + Double(id)))))
        })
        // Exponential latencies with mean 10·id ms: F(x) = 1 − exp(−x/mean).
        let mean = 10 * Double(id)
        let latencies = (1...1000).map { k in -mean * log(1 - (Double(k) - 0.5) / 1000) }
        r.addLatencyCDF(workload: "online", latenciesMs: latencies, slaTargetMs: 50, maxPoints: 100)
        r.addShare(container: "ai", engine: "compute", configured: 0.5, achieved: achieved)
        r.addShare(container: "render", engine: "render", configured: 0.5, achieved: 1 - achieved)
        return r
    }

    static var input: ReportInput {
        ReportInput(title: "recsys-colocation: policy comparison", runs: [
            run(id: 1, policy: "dedicated", utilization: 0.2, attainment: 1.0, gpus: 8, achieved: 0.5),
            run(id: 2, policy: "shared", utilization: 0.35, attainment: 0.995, gpus: 5, achieved: 0.47),
            run(id: 3, policy: "tidal", utilization: 0.55, attainment: 0.97, gpus: 4, achieved: 0.45),
        ])
    }
}
