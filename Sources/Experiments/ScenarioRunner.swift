import Foundation
import ResultStore
import Scenario
import Scheduling
import SimEngine
import Simulator
import Yams

/// The scenario-runner facade behind `compare`, `sweep`, `plan` and `tune`: loads a scenario file,
/// applies ``ScenarioOverrides``, runs it with the simulator its schema names (`single-gpu` or
/// `cluster`) and returns a ``RunRecord`` plus ``RunMetrics``.
///
/// Adding a scenario kind is one case in ``run(text:file:overrides:)``. Overrides are applied to the
/// YAML tree and the result re-validated by the scenario's own loader, so every override is checked
/// like a hand-written file. The recorded scenario text is the effective (overridden) text.
/// Thread-safe: each call works on its own values (sweeps call it from many threads).
public struct ScenarioRunner: Sendable {
    /// The scenario file.
    public let path: String
    /// Its text.
    public let text: String
    /// Cluster runs at `response` fidelity: the memo of node-model responses (nil: a private one per run).
    public var responseCache: ResponseCache?
    /// Cluster runs: threads evaluating GPU states.
    public var evaluationJobs = 1
    /// Cluster runs: called after every step with where the run stands (nil: not called).
    public var progress: (@Sendable (ClusterProgress) -> Void)?

    /// Reads the scenario file; a missing or non-UTF-8 file is an ``InputError``.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, field: "SCENARIO", "cannot read the scenario file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, line: UTF8Lines.firstInvalidLine(in: [UInt8](data)), field: "SCENARIO",
                             "the scenario file is not UTF-8 text")
        }
        self.path = path
        self.text = text
    }

    /// Creates a runner over scenario text (`path` names it in errors and anchors relative paths).
    public init(text: String, path: String) {
        self.path = path
        self.text = text
    }

    /// The scenario's schema (`single-gpu` when absent).
    public var schema: String {
        guard let root = try? Yams.compose(yaml: text), let m = root.mapping else { return "single-gpu" }
        return m["schema"]?.string ?? "single-gpu"
    }

    /// Whether this is a cluster scenario.
    public var isCluster: Bool { schema == "cluster" }

    /// The scenario's GPU count (`cluster.nodes × cluster.gpus_per_node`) after `overrides`, or 1 for
    /// single-GPU scenarios.
    public func gpuCount(_ overrides: ScenarioOverrides = ScenarioOverrides()) throws -> Int {
        guard isCluster else { return 1 }
        let root = try Self.compose(try effectiveText(overrides), file: path)
        if let groups = root.mapping?["cluster"]?.mapping?["node_groups"]?.sequence {
            return Self.groupSizes(Array(groups)).reduce(0) { $0 + $1.count * $1.gpus }
        }
        let nodes = min(max(0, root.mapping?["cluster"]?.mapping?["nodes"]?.int ?? 1), InputLimits.maxNodes)
        let perNode = min(max(0, root.mapping?["cluster"]?.mapping?["gpus_per_node"]?.int ?? 1), InputLimits.maxGPUsPerNode)
        return nodes * perNode
    }

    /// Whether a cluster scenario's nodes are `cluster.node_groups` after `overrides`.
    public func hasNodeGroups(_ overrides: ScenarioOverrides = ScenarioOverrides()) throws -> Bool {
        guard isCluster else { return false }
        let root = try Self.compose(try effectiveText(overrides), file: path)
        return root.mapping?["cluster"]?.mapping?["node_groups"] != nil
    }

    /// How many services a cluster scenario lists under `services` after `overrides` (0 for single-GPU
    /// scenarios).
    public func serviceCount(_ overrides: ScenarioOverrides = ScenarioOverrides()) throws -> Int {
        guard isCluster else { return 0 }
        let root = try Self.compose(try effectiveText(overrides), file: path)
        return root.mapping?["services"]?.sequence?.count ?? 0
    }

    /// Runs the scenario with `overrides`; bad scenarios or overrides throw an ``InputError`` (exit 2).
    /// Cluster scenarios only: `explain` > 0 adds the first `explain` co-location decisions of each
    /// kind in `explainKinds` (nil: all) to the report, with their reasons (docs/cluster.md); the
    /// record, metrics and digest are the same as without.
    public func run(_ overrides: ScenarioOverrides = ScenarioOverrides(), explain: Int = 0,
                    explainKinds: Set<ColocationDecisionKind>? = nil) throws -> ScenarioRun {
        guard explain >= 0 else { throw InputError(field: "--explain", "must be ≥ 0, got \(explain)") }
        if explain > 0, !isCluster {
            throw InputError(file: path, field: "--explain",
                             "explains co-location decisions of cluster scenarios (schema: cluster) only; this is a \(schema) scenario")
        }
        let effective = try effectiveText(overrides)
        let started = Date()
        var out: ScenarioRun
        if isCluster {
            out = try runCluster(text: effective, overrides: overrides, explain: explain, explainKinds: explainKinds)
        } else {
            out = try runSingleGPU(text: effective, overrides: overrides)
        }
        out.record.startedAt = started
        out.record.finishedAt = Date()
        return out
    }

    /// The scenario text after the overrides (the original text when nothing in it changes).
    public func effectiveText(_ overrides: ScenarioOverrides) throws -> String {
        var assignments: [(path: [String], value: Node, field: String)] = []
        if let policy = overrides.policy, !isCluster {
            if Self.kernelPolicies.contains(policy) {
                assignments.append((["isolation", "engine"], Node("kernel-mode"), "policy"))
                assignments.append((["isolation", "kernel_mode", "policy"], Node(policy), "policy"))
            } else if Self.engines.contains(policy) {
                assignments.append((["isolation", "engine"], Node(policy), "policy"))
            } else {
                throw InputError(field: "policy", "unknown single-GPU policy '\(policy)'; expected one of \((Self.kernelPolicies + Self.engines).joined(separator: ", "))")
            }
        }
        if let policy = overrides.policy, isCluster, let plus = policy.firstIndex(of: "+") {
            // `POLICY+ENGINE` (e.g. `shared+kernel-mode`): the policy with another isolation engine.
            let engine = String(policy[policy.index(after: plus)...])
            assignments.append((["isolation", "engine"], Node(engine), "policy"))
        }
        if let fidelity = overrides.fidelity {
            guard isCluster else {
                throw InputError(file: path, field: "--fidelity", "applies to cluster scenarios (schema: cluster) only; this is a \(schema) scenario")
            }
            guard ClusterFidelity(rawValue: fidelity) != nil else {
                throw InputError(field: "--fidelity", "unknown fidelity '\(fidelity)'; expected one of \(ClusterFidelity.names.joined(separator: ", "))")
            }
            assignments.append((["fidelity"], Node(fidelity), "--fidelity"))
        }
        if let gpus = overrides.gpus {
            guard isCluster else {
                throw InputError(file: path, field: "gpus", "a single-GPU scenario has no GPU count to change (use a cluster scenario, schema: cluster)")
            }
            let root = try Self.compose(text, file: path)
            if let groups = root.mapping?["cluster"]?.mapping?["node_groups"]?.sequence {
                assignments.append((["cluster", "node_groups"], Self.resized(Array(groups), toGPUs: gpus), "gpus"))
            } else {
                let perNode = root.mapping?["cluster"]?.mapping?["gpus_per_node"]?.int ?? 1
                let (nodes, per) = gpus % perNode == 0 ? (gpus / perNode, perNode) : (gpus <= 64 ? (1, gpus) : (gpus, 1))
                assignments.append((["cluster", "nodes"], Node(String(nodes)), "gpus"))
                assignments.append((["cluster", "gpus_per_node"], Node(String(per)), "gpus"))
            }
        }
        for p in overrides.parameters {
            let parts = p.path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !parts.contains(where: \.isEmpty) else {
                throw InputError(field: p.path, "a parameter path is dotted keys, e.g. containers.ai.weight")
            }
            let value: Node
            do {
                value = try Yams.compose(yaml: p.value) ?? Node("")
            } catch {
                throw InputError(field: p.path, "the value '\(p.value)' is not valid YAML")
            }
            assignments.append((parts, value, p.path))
        }
        if assignments.isEmpty { return text }
        var root = try Self.compose(text, file: path)
        for a in assignments {
            try Self.set(&root, path: a.path[...], value: a.value, field: a.field, file: path)
        }
        do {
            return try Yams.serialize(node: root)
        } catch {
            throw InputError(file: path, "cannot write the overridden scenario: \(error)")
        }
    }

    /// Each `cluster.node_groups` entry's node count and GPUs per node, clamped to the loader's limits
    /// (0 when absent or not a number), so no file value can overflow a product or a sum. O(groups).
    static func groupSizes(_ groups: [Node]) -> [(count: Int, gpus: Int)] {
        groups.map { g in
            (min(max(0, g.mapping?["count"]?.int ?? 0), InputLimits.maxNodes),
             min(max(0, g.mapping?["gpus_per_node"]?.int ?? 0), InputLimits.maxGPUsPerNode))
        }
    }

    /// `cluster.node_groups` resized to the first nodes, in node order, that hold at least `gpus`
    /// GPUs: groups are kept whole while they fit, the last one cut to the nodes still needed, and
    /// the list repeated from its start when `gpus` exceeds the cluster (more of the same nodes).
    /// Each group keeps its other keys (profile, memory). O(groups + gpus / smallest node).
    static func resized(_ groups: [Node], toGPUs gpus: Int) -> Node {
        let sizes = groupSizes(groups)
        var out: [Node] = []
        var have = 0
        guard sizes.contains(where: { $0.count > 0 && $0.gpus > 0 }) else { return Node(groups) }
        var i = 0
        while have < gpus {
            let (count, per) = sizes[i % sizes.count]
            if count > 0 && per > 0, var m = groups[i % groups.count].mapping {
                let take = min(count, (gpus - have + per - 1) / per)
                m["count"] = Node(String(take))
                out.append(Node.mapping(m))
                have += take * per
            }
            i += 1
        }
        return Node(out)
    }

    /// The co-location policy of a cluster `policy` override (`POLICY` or `POLICY+ENGINE`), nil when unknown.
    public static func colocationPolicy(_ name: String) -> ColocationPolicyKind? {
        let base = name.split(separator: "+", maxSplits: 1).first.map(String.init) ?? name
        return ColocationPolicyKind(rawValue: base)
    }

    /// The policies a cluster scenario's `compare:` list names (empty when it has none).
    public var comparePolicies: [String] {
        guard let root = try? Yams.compose(yaml: text), let items = root.mapping?["compare"]?.sequence else { return [] }
        return items.compactMap(\.string)
    }

    /// The kernel-mode policies a single-GPU `policy` override may name.
    public static let kernelPolicies = ["fixed", "weight-preemptive", "burst", "online-preempts-offline"]
    /// The isolation engines a single-GPU `policy` override may name.
    public static let engines = ["none", "user-mode", "user-mode-time-sliced"]

    static func compose(_ text: String, file: String) throws -> Node {
        do {
            guard let n = try Yams.compose(yaml: text), n.mapping != nil else {
                throw InputError(file: file, line: 1, "the scenario is not a YAML mapping")
            }
            return n
        } catch let e as InputError {
            throw e
        } catch {
            throw InputError(file: file, "not valid YAML: \(error)")
        }
    }

    /// Sets the node at `path` under `node` to `value`, creating mappings on the way.
    static func set(_ node: inout Node, path: ArraySlice<String>, value: Node, field: String, file: String) throws {
        guard let key = path.first else {
            node = value
            return
        }
        let rest = path.dropFirst()
        switch node {
        case .mapping(var m):
            var child = m[key] ?? Node.mapping(Node.Mapping([]))
            try set(&child, path: rest, value: value, field: field, file: file)
            m[key] = child
            node = .mapping(m)
        case .sequence(var s):
            let index: Int? = Int(key).flatMap { s.indices.contains($0) ? $0 : nil }
                ?? s.firstIndex { $0.mapping?["name"]?.string == key }
            guard let i = index else {
                let names = s.compactMap { $0.mapping?["name"]?.string }
                throw InputError(file: file, line: node.mark.map { $0.line }, field: field,
                                 "no list element named '\(key)' (names: \(names.joined(separator: ", ")); or a 0-based index below \(s.count))")
            }
            var child = s[i]
            try set(&child, path: rest, value: value, field: field, file: file)
            s[i] = child
            node = .sequence(s)
        default:
            throw InputError(file: file, line: node.mark.map { $0.line }, field: field,
                             "cannot set '\(key)' inside the scalar value '\(node.string ?? "")'")
        }
    }

    /// Maps a loader error, noting when the text was rewritten by overrides.
    func inputError(_ e: ScenarioError, overridden: Bool) -> InputError {
        InputError(file: e.file, line: overridden ? nil : e.line, field: e.field,
                   overridden ? e.message + " (after the overrides)" : e.message)
    }
}
