import Experiments
import Scenario
import Scheduling

/// `colosim plan --explain`: the scenario's t = 0 placement from its current bindings beside what
/// each policy's scheduler does with the same pods on an empty cluster, with the scheduler's reason
/// (docs/import.md). Formatting only: the binds come from ``ClusterStartPlacement``.
enum PlanPlacementTable {
    /// The table text for `scenario` under each of `policies`.
    static func text(_ scenario: ClusterScenario, policies: [String]) throws -> String {
        var out = "\nPlacement at t = 0 (`now`: the scenario's current bindings, kept where the policy has room; "
            + "`scheduler`: the policy's placement on an empty cluster, start_from: empty):\n"
        for name in policies {
            guard let kind = ScenarioRunner.colocationPolicy(name) else { continue }
            let now = try ClusterStartPlacement(scenario, policy: kind, fromBindings: true)
            let fresh = try ClusterStartPlacement(scenario, policy: kind, fromBindings: false)
            let placement = (try? scenario.simulationConfig(policy: kind))?.effectiveColocation.placement.rawValue ?? "?"
            out += "  \(name) (placement \(placement)):\n"
            let freshByPod = Dictionary(fresh.binds.map { ($0.pod, $0) }, uniquingKeysWith: { a, _ in a })
            let width = max(3, now.binds.map(\.pod.count).max() ?? 3)
            let pad = { (s: String, n: Int) in s + String(repeating: " ", count: max(0, n - s.count)) }
            out += "    \(pad("pod", width))  \(pad("now", 16))  \(pad("scheduler", 16))  why (scheduler)\n"
            var moved = 0
            let layout = GPULayout(nodeGPUs: scenario.base.nodeLayout)
            for b in now.binds {
                let f = freshByPod[b.pod]
                let a = ClusterStartPlacement.label(b.gpu, scenario: scenario, layout: layout)
                let z = ClusterStartPlacement.label(f?.gpu, scenario: scenario, layout: layout)
                if a != z { moved += 1 }
                out += "    \(pad(b.pod, width))  \(pad(a, 16))  \(pad(z, 16))  \(f?.reason ?? "-")\n"
                if !b.reason.hasPrefix("current binding") { out += "    \(pad("", width))  now: \(b.reason)\n" }
            }
            out += "    \(moved) of \(now.binds.count) pods would sit elsewhere\n"
        }
        return out
    }
}
