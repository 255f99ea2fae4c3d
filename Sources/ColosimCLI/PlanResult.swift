import Simulator

/// One policy's capacity answer.
struct PlanResult: Sendable {
    /// The policy.
    var policy: String
    /// The fewest GPUs that keep every SLA (nil: not even the largest count searched).
    var slaGPUs: Int?
    /// Every run of the search, in increasing GPU count.
    var evaluated: [PlanEvidence]
    /// The p99 target used (nil: each service's own).
    var slaP99Ms: Double?
    /// The utilization target (fraction of the provisioned GPUs).
    var minUtilization: Double
    /// The density search, for policies whose LS pods take their own milli-GPU (nil: none made).
    var density: PlanDensity? = nil
    /// How the answer was searched: `bisect` (a run per GPU count) or `span` (one run, the nodes it used).
    var method = "bisect"

    /// The evidence run at `n` GPUs, if the search made one.
    func run(at n: Int) -> PlanEvidence? { evaluated.first { $0.gpus == n } }

    /// The answer: the fewest GPUs keeping every SLA, when the utilization target is reached there
    /// (with fewer GPUs the SLA breaks; with more, utilization only falls).
    var gpus: Int? {
        guard let n = slaGPUs, let e = run(at: n), e.metrics.provisionedUtilization >= minUtilization else { return nil }
        return n
    }

    /// Why there is no answer, or nil when there is one.
    var problem: String? {
        if let density, density.podsPerGPU == nil { return "not even one LS pod per GPU keeps every SLA with all GPUs searched" }
        guard let n = slaGPUs else { return "no GPU count searched keeps every SLA" }
        if let e = run(at: n), e.metrics.provisionedUtilization < minUtilization {
            return "the SLA needs \(n) GPUs, where utilization is \(Self.pct(e.metrics.provisionedUtilization)) < target \(Self.pct(minUtilization))"
        }
        return nil
    }

    static func pct(_ v: Double) -> String { v.isFinite ? String(format: "%.1f%%", v * 100) : "—" }
}
