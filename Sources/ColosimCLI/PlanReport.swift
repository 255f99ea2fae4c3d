import Foundation
import Simulator

/// The output of `colosim plan`: per policy the answer and the evidence at N and N − 1.
struct PlanReport: Sendable {
    /// Scenario file.
    var scenario: String
    /// GPU counts searched.
    var searched: ClosedRange<Int>
    /// p99 target (nil: the services' own).
    var slaP99Ms: Double?
    /// Utilization target.
    var minUtilization: Double
    /// BE work target: fraction of the BE work done with every GPU searched (0: none).
    var minBEWork: Double = 0
    /// One result per policy.
    var plans: [PlanResult]

    /// Whether the run at `e` kept every SLA (p99, placement, served load).
    func feasible(_ e: PlanEvidence) -> Bool {
        e.metrics.slaMet(p99TargetMs: slaP99Ms) && e.served >= 1 - 1e-6 && e.beShare >= minBEWork - 1e-9
    }

    func line(_ e: PlanEvidence, _ sla: Double?) -> String {
        let m = e.metrics
        let w = m.worstService
        let p99 = w.map { String(format: "%.2f ms (target %.0f ms)", $0.p99Ms, sla ?? $0.targetMs) } ?? "—"
        let unplaced = m.services.map(\.unplacedFraction).max() ?? 0
        var placement = unplaced > 1e-9 ? String(format: ", %.0f%% of a service's replica time unplaced", unplaced * 100) : ""
        if e.served < 1 - 1e-6 { placement += String(format: ", a service served %.1f%% of the requests it serves at %d GPUs", e.served * 100, searched.upperBound) }
        let be = String(format: ", BE work %.2f GPU·s/s", m.beThroughput) + " (\(PlanResult.pct(e.beShare)) of all-GPU)"
        let from = e.spannedFrom.map { " (the nodes used by the run at \($0) GPUs)" } ?? ""
        return "\(e.gpus) GPUs\(from): SLA \(feasible(e) ? "met" : "MISSED"), worst p99 \(p99)\(placement), utilization \(PlanResult.pct(m.provisionedUtilization)) of provisioned (\(PlanResult.pct(m.utilization)) on used)\(be), run \(e.runID)"
    }

    /// Plain text.
    var text: String {
        var s = "plan \(scenario): GPUs \(searched.lowerBound)…\(searched.upperBound), SLA p99 ≤ \(slaP99Ms.map { String(format: "%g ms", $0) } ?? "each service's target"), utilization ≥ \(PlanResult.pct(minUtilization))\(minBEWork > 0 ? ", BE work ≥ \(PlanResult.pct(minBEWork)) of all-GPU" : "")\n"
        for p in plans {
            if let n = p.gpus {
                s += "  \(p.policy): \(n) GPUs\n"
            } else {
                s += "  \(p.policy): no answer — \(p.problem ?? "")\n"
            }
            if let d = p.density {
                let answer = d.podsPerGPU.map { "\($0) LS pod\($0 == 1 ? "" : "s") per GPU (gpu_milli \(DensitySearch.milli(podsPerGPU: $0)))" } ?? "none"
                s += "      density: \(answer); searched \(d.searched.map { "\($0.podsPerGPU)\($0.feasible ? "✓" : "✗")" }.joined(separator: " ")) (pods per GPU, \(searched.upperBound) GPUs)\n"
                if let k = d.podsPerGPU, let e = d.searched.first(where: { $0.podsPerGPU == k + 1 }) {
                    s += "      denser: \(k + 1) per GPU: \(line(e.evidence, slaP99Ms))\n"
                }
            }
            if p.method == "span" {
                for e in p.evaluated { s += "      evidence \(line(e, slaP99Ms))\n" }
            } else if let n = p.slaGPUs {
                if let e = p.run(at: n) { s += "      evidence \(line(e, slaP99Ms))\n" }
                if let e = p.run(at: n - 1) { s += "      evidence \(line(e, slaP99Ms))\n" }
            }
            if p.method == "span" {
                s += "      searched: one run at \(searched.upperBound) GPUs (span search)\n"
            } else {
                s += "      searched: \(p.evaluated.map { "\($0.gpus)\(feasible($0) ? "✓" : "✗")" }.joined(separator: " "))\n"
            }
        }
        return s
    }

    /// JSON: `scenario`, `sla_p99_ms`, `min_utilization`, `plans` (`policy`, `gpus`, `sla_gpus`, `problem`, `search`
    /// (bisect | span), `density` (`pods_per_gpu`, `gpu_milli`, `searched`), `evidence` (`spanned_from_gpus`: span search)).
    var json: String {
        func n(_ v: Double) -> Any { v.isFinite ? v : NSNull() }
        let plans: [[String: Any]] = self.plans.map { p in
            let ev: [[String: Any]] = p.evaluated.map { e in
                ["gpus": e.gpus, "sla_met": feasible(e), "served_fraction": n(e.served),
                 "p99_ms": e.metrics.worstService.map { n($0.p99Ms) } ?? NSNull(),
                 "provisioned_utilization": n(e.metrics.provisionedUtilization), "gpu_utilization": n(e.metrics.utilization),
                 "gpus_used": n(e.metrics.gpusUsed), "be_throughput": n(e.metrics.beThroughput),
                 "be_work_share": n(e.beShare),
                 "digest": e.metrics.digest, "run_id": e.runID,
                 "spanned_from_gpus": e.spannedFrom ?? NSNull() as Any]
            }
            var density: Any = NSNull()
            if let d = p.density {
                density = ["pods_per_gpu": d.podsPerGPU ?? NSNull() as Any, "gpu_milli": d.milli ?? NSNull() as Any,
                           "searched": d.searched.map { step -> [String: Any] in
                               ["pods_per_gpu": step.podsPerGPU, "gpu_milli": DensitySearch.milli(podsPerGPU: step.podsPerGPU),
                                "sla_met": step.feasible, "p99_ms": step.evidence.metrics.worstService.map { n($0.p99Ms) } ?? NSNull(),
                                "gpus_used": n(step.evidence.metrics.gpusUsed), "digest": step.evidence.metrics.digest,
                                "run_id": step.evidence.runID]
                           }]
            }
            return ["policy": p.policy, "density": density, "gpus": p.gpus ?? NSNull() as Any, "sla_gpus": p.slaGPUs ?? NSNull() as Any,
                    "problem": p.problem ?? NSNull() as Any, "evidence": ev, "search": p.method]
        }
        let doc: [String: Any] = ["scenario": scenario, "sla_p99_ms": slaP99Ms ?? NSNull() as Any,
                                  "min_utilization": minUtilization, "min_be_work": minBEWork, "gpus_min": searched.lowerBound,
                                  "gpus_max": searched.upperBound, "plans": plans]
        guard let data = try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .prettyPrinted]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
