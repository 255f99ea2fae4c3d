/// Which BE pods to evict, and on which node, so that an LS pod fits.
public struct PreemptionPlan: Sendable, Hashable {
    /// The node that will host the preemptor.
    public var node: Int
    /// Ids of the pods to evict (``RunningPod/id``), lowest priority first.
    public var victims: [Int]
    /// Highest priority among the victims.
    public var maxVictimPriority: Int
    /// The victims as they run (placement, class, priority), in the order of ``victims``.
    public var victimPods: [RunningPod] = []
    /// Nodes on which some eviction made the pod fit (-1: not counted).
    public var feasibleNodes: Int = -1

    /// Creates a plan.
    public init(node: Int, victims: [Int], maxVictimPriority: Int, victimPods: [RunningPod] = [], feasibleNodes: Int = -1) {
        self.node = node
        self.victims = victims
        self.maxVictimPriority = maxVictimPriority
        self.victimPods = victimPods
        self.feasibleNodes = feasibleNodes
    }

    /// A one-line explanation.
    public func explanation(nodeName: String) -> String {
        "preempts \(victims.count) BE pod(s) \(victims.map(String.init).joined(separator: ",")) "
            + "(priority ≤ \(maxVictimPriority)) on \(nodeName)"
    }

    /// A one-line explanation naming the victims (`podName` maps a ``RunningPod/id`` to a name):
    /// the node, why it was chosen (lowest highest-victim priority, then fewest victims, then node
    /// rank; how many nodes had a feasible plan) and each victim's priority and shape.
    public func explanation(nodeName: String, podName: (Int) -> String) -> String {
        let nodes = feasibleNodes >= 0 ? "\(feasibleNodes) node(s) had a feasible plan" : "feasible plans not counted"
        let list = victimPods.map { v in
            let s = v.placement.shape
            var text = "\(podName(v.id)) (\(v.priorityClass.rawValue) priority \(v.priority), "
                + "\(s.cpuMilli) mCPU, \(s.memoryMiB) MiB"
            if s.needsGPU {
                text += ", \(s.gpuCount)×\(s.gpuMilli) milli-GPU on GPU "
                    + v.placement.gpus.map(String.init).joined(separator: ",")
            }
            return text + ")"
        }
        return "preempts \(victims.count) BE pod(s) on \(nodeName) (chosen by lowest highest-victim priority "
            + "\(maxVictimPriority), then fewest victims \(victims.count), then node rank; \(nodes)): "
            + list.joined(separator: ", ")
    }
}
