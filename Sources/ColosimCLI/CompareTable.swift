import Foundation
import Simulator

/// The side-by-side table of `colosim compare` (text and JSON).
struct CompareTable: Sendable {
    /// Scenario name.
    var scenario: String
    /// Whether the scenario is a cluster scenario.
    var isCluster: Bool
    /// One row per policy, in the order asked for.
    var rows: [CompareRow]
    /// The sweep id the runs are stored under (for `colosim report`).
    var sweepID: String

    static func pct(_ v: Double) -> String { v.isFinite ? String(format: "%.1f%%", v * 100) : "—" }
    static func num(_ v: Double, _ f: String = "%.2f") -> String { v.isFinite ? String(format: f, v) : "—" }

    /// The table as aligned text.
    var text: String {
        let beUnit = isCluster ? "BE GPU-s/s" : "BE req/s"
        let header = ["policy", "utilization", "SLA attainment", "p99 / target ms", "SLA", "GPUs used", beUnit,
                      "weight error", "digest", "run"]
        var lines = [header]
        for r in rows {
            let m = r.metrics
            let w = m.worstService
            let p99 = w.map { "\(Self.num($0.p99Ms)) / \(Self.num($0.targetMs, "%.0f"))" } ?? "—"
            let gpus = isCluster ? "\(Self.num(m.gpusUsed)) of \(m.gpusProvisioned)" : "1"
            lines.append([m.policy, Self.pct(m.utilization), w == nil ? "—" : Self.pct(m.slaAttainment), p99,
                          w == nil ? "—" : (m.slaMet() ? "met" : "MISSED"), gpus, Self.num(m.beThroughput),
                          Self.pct(m.weightError), m.digest, "\(r.runID)"])
        }
        let widths = header.indices.map { i in lines.map { $0[i].count }.max() ?? 0 }
        var out = "scenario \(scenario) (\(isCluster ? "cluster" : "single GPU")), seed \(rows.first.map { "\($0.seed)" } ?? "—")\n"
        for (k, l) in lines.enumerated() {
            out += l.enumerated().map { i, c in
                i == 0 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[i] - c.count) + c
            }.joined(separator: "  ") + "\n"
            if k == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        out += "runs stored as sweep \(sweepID) (colosim report \(sweepID) --html FILE)\n"
        if isCluster {
            out += "utilization: mean duty cycle of the GPUs in use; p99: the service furthest from its target.\n"
        } else {
            out += "utilization: GPU busy fraction; weight error: mean |achieved − configured| share; p99: the workload furthest from its SLA.\n"
        }
        return out
    }

    /// The table as a JSON object: `scenario`, `kind`, `seed`, `policies` (one object per row).
    var json: String {
        func n(_ v: Double) -> Any { v.isFinite ? v : NSNull() }
        let policies: [[String: Any]] = rows.map { r in
            let m = r.metrics
            let w = m.worstService
            return [
                "policy": m.policy, "gpu_utilization": n(m.utilization),
                "provisioned_utilization": n(m.provisionedUtilization),
                "sla_attainment": w == nil ? NSNull() : n(m.slaAttainment),
                "p99_ms": w.map { n($0.p99Ms) } ?? NSNull(), "sla_target_ms": w.map { n($0.targetMs) } ?? NSNull(),
                "sla_met": w == nil ? NSNull() : m.slaMet(), "gpus_used": n(m.gpusUsed),
                "gpus_provisioned": m.gpusProvisioned, "be_throughput": n(m.beThroughput),
                "weight_error": n(m.weightError), "digest": m.digest, "run_id": r.runID,
                "services": m.services.map { ["name": $0.name, "p99_ms": n($0.p99Ms), "sla_target_ms": n($0.targetMs),
                                              "sla_attainment": n($0.attainment)] as [String: Any] },
            ]
        }
        let doc: [String: Any] = ["scenario": scenario, "kind": isCluster ? "cluster" : "single-gpu",
                                  "seed": rows.first.map { $0.seed } ?? 0, "policies": policies,
                                  "sweep_id": sweepID]
        guard let data = try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .prettyPrinted]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
