import Foundation

/// Temporary folders and hand-written run-record JSON for the `runs` / `report` CLI tests.
enum RunsCLIFixtures {
    /// A fresh empty temporary folder.
    static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("colosim-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// One run record in the documented JSON format (docs/store.md).
    static func record(seed: Int, policy: String = "shared", sweep: String? = nil, point: String? = nil,
                       utilization: Double = 0.35) -> String {
        let sweepFields = sweep.map { ",\n  \"sweepID\": \"\($0)\", \"pointKey\": \"\(point ?? "")\"" } ?? ""
        return """
            {
              "scenarioName": "recsys-colocation",
              "scenarioText": "name: recsys-colocation\\ngpus: 4\\n",
              "seed": \(seed),
              "colosimVersion": "0.1.0",
              "digest": "00000000deadbe\(String(format: "%02x", seed % 256))",
              "policy": "\(policy)",
              "startedAt": "2026-11-30T12:00:00Z",
              "finishedAt": "2026-11-30T12:00:05.5Z"\(sweepFields),
              "summary": {"gpu_utilization": \(utilization), "sla_attainment": 0.995, "gpus_used": 5, "sla_met": true},
              "workloads": [{"name": "online", "kind": "ls", "metrics": {"p99_ms": 41.5, "sla_target_ms": 50}}],
              "gpus": [{"gpu": "node0/gpu0", "metrics": {"utilization": 0.4}}],
              "shares": [{"container": "ai", "engine": "compute", "configured": 0.5, "achieved": 0.48}],
              "series": {"gpu_utilization": [{"t": 0, "value": 0.2}, {"t": 60, "value": 0.5}, {"t": 120, "value": 0.35}]},
              "latencyCDFs": [{"workload": "online", "slaTargetMs": 50, "slaQuantile": 0.99,
                               "points": [{"latencyMs": 5, "fraction": 0.5}, {"latencyMs": 45, "fraction": 0.995},
                                          {"latencyMs": 80, "fraction": 1}]}]
            }
            """
    }

    /// Writes `text` to `name` in `dir` and returns its path.
    static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The bytes of a file, or nil.
    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
}
