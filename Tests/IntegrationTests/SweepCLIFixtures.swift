import Foundation
import TestSupport

/// Scenario and sweep files for the compare / sweep / plan / tune CLI tests.
enum SweepCLIFixtures {
    /// The LS + BE kernel-mode scenario (`fixed` weights 1:1).
    static var tuneScenario: String { repositoryRoot().appendingPathComponent("scenarios/v100-tune-ls-be.yaml").path }

    /// A 20-point sweep over `tuneScenario` with `duration_s` per point.
    static func sweep(duration: Double = 0.4, name: String = "grid20") -> String {
        """
        name: \(name)
        scenario: \(tuneScenario)
        set:
          duration_s: \(duration)
          warmup_s: 0.1
        grid:
          containers.offline.weight: [1, 1.5, 2, 3, 4]
          isolation.kernel_mode.slice_ms: [1, 2]
          seed: [1, 2]
        """
    }

    /// A small cluster: two services of 3 replicas at 500 milli-GPU each (Poisson load) and BE jobs.
    /// Dedicated needs 6 GPUs (one per replica), shared needs ⌈6 × 0.5⌉ = 3.
    static func smallCluster(nodes: Int = 1, gpusPerNode: Int = 8) -> String {
        """
        schema: cluster
        name: small-cluster
        seed: 3
        duration_s: 600
        step_s: 10
        policy: shared
        cluster:
          nodes: \(nodes)
          gpus_per_node: \(gpusPerNode)
          gpu_memory_mib: 16384
        services:
          - name: svc-a
            replicas: 3
            load: {poisson_rps: 200}
            p99_ms: 50
            gpu_milli: 500
          - name: svc-b
            replicas: 3
            load: {poisson_rps: 200}
            p99_ms: 50
            gpu_milli: 500
        jobs:
          - name: etl
            kind: data-processing
            count: 2
            gpu_milli: 250
        """
    }

    /// Parses a JSON object.
    static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// A CSV export without the columns that legitimately differ between databases (row id, wall-clock times).
    static func comparableCSV(_ csv: String) -> String {
        let rows = csv.split(separator: "\n", omittingEmptySubsequences: true).map { fields(String($0)) }
        guard let header = rows.first else { return "" }
        let drop = Set(["id", "started_at", "finished_at"].compactMap { header.firstIndex(of: $0) })
        return rows.map { row in
            row.enumerated().filter { !drop.contains($0.offset) }.map(\.element).joined(separator: "\u{1F}")
        }.joined(separator: "\n")
    }

    /// The fields of one RFC 4180 CSV line (quoted fields may hold commas and doubled quotes).
    static func fields(_ line: String) -> [String] {
        var out: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                out.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        out.append(field)
        return out
    }
}
