import Foundation
import Simulator

/// Text and JSON renderings of a multi-scheduler run.
public struct ClusterMultiSchedulerReport: Sendable {
    /// Scenario name.
    public var name: String
    /// The result.
    public var result: ClusterMultiSchedulerResult
    /// The seed used.
    public var seed: UInt64

    /// Creates a report.
    public init(name: String, result: ClusterMultiSchedulerResult, seed: UInt64) {
        self.name = name
        self.result = result
        self.seed = seed
    }

    /// The full JSON document; its `summary` carries the cluster contract keys plus `conflicts`.
    public var json: String {
        let r = result
        let schedulers: [[String: Any]] = r.schedulers.map {
            ["name": $0.name, "policy": $0.policy, "arrived": $0.arrived, "bound": $0.bound, "conflicts": $0.conflicts,
             "unschedulable_cycles": $0.unschedulableCycles, "mean_bind_delay_s": $0.meanBindDelay]
        }
        let summary: [String: Any] = [
            "policy": "multi-scheduler", "gpus_used_mean": r.gpusUsedMean, "gpus_used_peak": r.gpusUsedPeak,
            "gpu_utilization_mean": r.allocationOnUsed, "allocation_ratio": r.allocationRatio, "all_sla_met": true,
            "be_work_done": 0, "conflicts": r.conflicts, "retries": r.conflicts,
            "bound": r.schedulers.reduce(0) { $0 + $1.bound }, "pending": r.pending, "gpus": r.gpuCount,
            "fragmentation_gpus_mean": r.fragmentationMean,
        ]
        var doc: [String: Any] = [
            "scenario": name, "schema": "multi-scheduler", "seed": seed, "duration_s": r.duration,
            "digest": r.digest, "schedulers": schedulers, "summary": summary,
        ]
        if !r.decisionCounts.isEmpty || !r.decisions.isEmpty {
            doc["explanations"] = r.decisions.map { d -> [String: Any] in
                ["t_s": d.time, "kind": d.kind.rawValue, "scheduler": d.scheduler, "pod": d.pod,
                 "pod_class": d.podClass, "node": d.node ?? NSNull(), "gpus": d.gpus, "reason": d.reason]
            }
            doc["explanation_counts"] = Dictionary(uniqueKeysWithValues: r.decisionCounts.map { ($0.key.rawValue, $0.value) })
        }
        guard let data = try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .prettyPrinted]),
              let s = String(data: data, encoding: .utf8) else { return "{}" }
        return s
    }

    /// A human-readable summary.
    public var text: String {
        let r = result
        var s = "scenario \(name) — \(r.schedulers.count) schedulers sharing \(r.gpuCount) GPUs, \(Int(r.duration)) s, seed \(seed)\n"
        for m in r.schedulers {
            s += String(format: "  scheduler %@ (%@): %d arrived, %d bound, %d conflicts (retried), %d unschedulable cycles, mean bind delay %.3f s\n",
                        m.name, m.policy, m.arrived, m.bound, m.conflicts, m.unschedulableCycles, m.meanBindDelay)
        }
        s += String(format: "conflicts %d; GPUs used mean %.2f, peak %d; allocation %.1f%% of the cluster, %.1f%% of used GPUs; fragmentation %.2f GPUs; pending %d\n",
                    r.conflicts, r.gpusUsedMean, r.gpusUsedPeak, r.allocationRatio * 100, r.allocationOnUsed * 100,
                    r.fragmentationMean, r.pending)
        s += "digest \(r.digest)\n"
        if !r.decisionCounts.isEmpty || !r.decisions.isEmpty {
            let made = r.decisionCounts.sorted { $0.key < $1.key }.map { entry in
                let shown = r.decisions.filter { $0.kind == entry.key }.count
                return "\(entry.key.rawValue) \(shown) of \(entry.value)"
            }
            s += "Decisions (first of each kind, in time order; shown of made: \(made.joined(separator: ", "))):\n"
            for d in r.decisions {
                let node = d.node.map { " on \($0)" + (d.gpus.isEmpty ? "" : " GPUs " + d.gpus.map(String.init).joined(separator: ",")) } ?? ""
                s += String(format: "  t=%9.3f s ", d.time) + d.kind.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)
                    + " pod \(d.pod) (\(d.podClass))\(node) — \(d.reason)\n"
            }
        }
        return s
    }
}
