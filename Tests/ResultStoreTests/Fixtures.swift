import Foundation
import ResultStore

/// Test fixtures: temporary folders and fully populated records.
enum Fixtures {
    /// A fresh empty temporary folder.
    static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("colosim-store-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A record with every part filled, including NaN, infinity and boolean metrics.
    static func record(seed: UInt64 = 7, policy: String = "shared", sweep: String? = nil, point: String? = nil,
                       digest: String = "0123456789abcdef") -> RunRecord {
        var r = RunRecord(scenarioName: "recsys", scenarioText: "name: recsys\ngpus: 4\n", seed: seed,
                          policy: policy, digest: digest, colosimVersion: "0.1.0",
                          startedAt: Date(timeIntervalSinceReferenceDate: 812_345_678.123_456_7),
                          finishedAt: Date(timeIntervalSinceReferenceDate: 812_345_690.5))
        r.sweepID = sweep
        r.pointKey = point
        r.setSummary(MetricName.gpuUtilization, 0.35)
        r.setSummary(MetricName.slaAttainment, 0.991)
        r.setSummary(MetricName.slaMet, true)
        r.setSummary("be_lost_work_s", .nan)
        r.setSummary("max_queue", .infinity)
        r.setSummary("seed_echo", Double(seed))
        r.addWorkload("online", kind: "ls", metrics: [MetricName.p99Ms: 41.5, MetricName.slaTargetMs: 50, MetricName.slaMet: true])
        r.addWorkload("offline", kind: "be", metrics: ["throughput": 123.25])
        r.addGPU("node0/gpu0", metrics: ["utilization": 0.5, "memory_peak_gib": 12.0])
        r.addGPU("node0/gpu1", metrics: ["utilization": 0.2])
        r.addShare(container: "ai", engine: "compute", configured: 0.5, achieved: 0.49)
        r.addShare(container: "render", engine: "render", configured: 0.5, achieved: 0.51)
        r.setSeries("gpu_utilization", (0..<50).map { (t: Double($0), value: Double($0 % 10) / 10) })
        r.setSeries("gpu_utilization/node0/gpu0", [(t: 0, value: 0.25), (t: 1, value: 0.75)])
        r.addLatencyCDF(workload: "online", latenciesMs: (1...100).map(Double.init), slaTargetMs: 50, maxPoints: 20)
        return r
    }

    /// `record` without its store id (for comparing a read-back record with the original).
    static func withoutID(_ r: RunRecord) -> RunRecord {
        var c = r
        c.id = nil
        return c
    }
}
