import Scheduling
import Simulator

/// Where every pod of a cluster scenario is bound at t = 0, and why: the scheduler's own bind
/// decisions of a one-step run (``ClusterSimulation`` with explanations), so it is exactly what
/// `colosim run --explain` reports. Used to set a scenario's current bindings (`start_from: current`)
/// beside what a policy's placement does on an empty cluster (`start_from: empty`), docs/import.md.
public struct ClusterStartPlacement: Sendable {
    /// One pod's binding at t = 0.
    public struct Bind: Sendable, Hashable {
        /// Pod name as explanations give it (`service#k`, or the job's name).
        public var pod: String
        /// Global GPU index, nil when the pod was queued.
        public var gpu: Int?
        /// The scheduler's reason.
        public var reason: String
    }

    /// The binds, in decision order.
    public var binds: [Bind]

    /// Runs `scenario` for one step under `policy` (nil: its own) from its current bindings
    /// (`fromBindings`) or from an empty cluster, and keeps the t = 0 decisions.
    public init(_ scenario: ClusterScenario, policy: ColocationPolicyKind? = nil, placement: PlacementPolicyKind? = nil,
                fromBindings: Bool) throws {
        var c = try scenario.simulationConfig(policy: policy)
        if let placement { c.placement = placement }
        c.startFromBindings = fromBindings
        c.duration = c.step
        c.explain = 1_000_000
        c.explainKinds = [.bind, .queued]
        let r = try ClusterSimulation.run(c)
        binds = r.decisions.filter { $0.time == 0 }.compactMap { d in
            d.pod.map { Bind(pod: $0, gpu: d.kind == .bind ? d.gpu : nil, reason: d.reason) }
        }
    }

    /// `node/gpu` for a global GPU index of `scenario`'s GPUs as `layout` numbers them (node names
    /// where the scenario has them).
    public static func label(_ gpu: Int?, scenario: ClusterScenario, layout: GPULayout) -> String {
        guard let g = gpu else { return "queued" }
        guard let (n, local) = layout.locate(g) else { return "GPU \(g)" }
        let node = n < scenario.nodeNames.count ? scenario.nodeNames[n] : "node-\(n)"
        return "\(node)/\(local)"
    }
}
