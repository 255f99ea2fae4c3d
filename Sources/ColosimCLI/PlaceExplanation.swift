import ColoModel
import Scheduling

/// One explained decision of `colosim place --explain` / `--explain-pod`: a placement, or an LS
/// pod bound by preempting BE pods (Kubernetes-style priority preemption, see ``PlacementReplay``).
struct PlaceExplanation {
    /// The policy that decided.
    var policy: String
    /// The seed of the replay.
    var seed: UInt64
    /// Position of the pod in the arrival sequence.
    var index: Int
    /// The pods of that replay in arrival order (victims are named by their index).
    var pods: [PodRequest]
    /// The decision.
    var decision: PlacementDecision
    /// Node names by index.
    var nodeNames: [String]

    /// `"preemption"` when the pod was bound by evicting others, else `"placement"`.
    var kind: String { decision.preemption == nil ? "placement" : "preemption" }
    var pod: PodRequest { pods[index] }

    func podName(_ id: Int) -> String { id >= 0 && id < pods.count ? pods[id].name : "#\(id)" }
    func nodeName(_ node: Int) -> String { node >= 0 && node < nodeNames.count ? nodeNames[node] : "#\(node)" }

    /// The explanation without the policy/seed/pod prefix.
    var text: String {
        decision.explanation(nodeName: { nodeName($0) }, podName: { podName($0) })
    }

    /// The `--explain` line: placements as before; preemptions marked and with the pod's class.
    var line: String {
        let prefix = "\(policy) seed \(seed) pod \(index) \(pod.name)"
        if decision.preemption != nil {
            return prefix + " [\(pod.priorityClass.rawValue) priority \(pod.priority)]: preemption: " + text
        }
        return prefix + ": " + text
    }

    /// The JSON object of the `"explanations"` array.
    var json: String {
        let q = { (s: String) in "\"\(PlaceCommand.escape(s))\"" }
        var s = "{\"kind\": \(q(kind)), \"policy\": \(q(policy)), \"seed\": \(seed), \"index\": \(index)"
        s += ", \"pod\": \(q(pod.name)), \"priority_class\": \(q(pod.priorityClass.rawValue)), \"priority\": \(pod.priority)"
        if let p = decision.placement {
            s += ", \"node\": \(q(nodeName(p.node))), \"gpus\": [\(p.gpus.map(String.init).joined(separator: ", "))]"
        } else {
            s += ", \"node\": null"
        }
        let rejected = FilterVerdict.allCases.filter { $0 != .fits && decision.verdictCounts[Int($0.rawValue)] > 0 }
            .map { "\(q($0.phrase)): \(decision.verdictCounts[Int($0.rawValue)])" }
        s += ", \"rejected\": {\(rejected.joined(separator: ", "))}"
        if let plan = decision.preemption {
            s += ", \"max_victim_priority\": \(plan.maxVictimPriority), \"feasible_plans\": \(plan.feasibleNodes)"
            s += ", \"victims\": [" + plan.victimPods.map { v in
                let shape = v.placement.shape
                return "{\"name\": \(q(podName(v.id))), \"priority_class\": \(q(v.priorityClass.rawValue)), "
                    + "\"priority\": \(v.priority), \"cpu_milli\": \(shape.cpuMilli), \"memory_mib\": \(shape.memoryMiB), "
                    + "\"num_gpu\": \(shape.gpuCount), \"gpu_milli\": \(shape.gpuMilli), "
                    + "\"gpus\": [\(v.placement.gpus.map(String.init).joined(separator: ", "))]}"
            }.joined(separator: ", ") + "]"
        }
        return s + ", \"text\": \(q(text))}"
    }
}
