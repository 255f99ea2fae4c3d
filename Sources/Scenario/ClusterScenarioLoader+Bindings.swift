import ColoModel
import Scheduling
import SimEngine
import Yams

/// The current-placement keys of a cluster scenario (docs/import.md): `cluster.node_names`,
/// `start_from`, per service / job `bindings` and the informational `k8s` origin.
extension ClusterScenarioLoader {
    /// Reads `bindings: [{node: NAME-or-INDEX, gpu: LOCAL-INDEX}, …]` (one entry per replica or job
    /// instance, in order; at most `count`) into global GPU indices (node-major); -1 for a GPU outside
    /// the cluster (a named node past `cluster.nodes`, a GPU past `gpus_per_node`). `node` is a name of `cluster.node_names`, or an index when there are none.
    static func parseBindings(_ r: inout MappingReader, count: Int, nodeNames: [String], nodeLayout: [Int],
                              file: String, index: LineIndex) throws -> [Int] {
        let nodes = nodeLayout.count
        let layout = GPULayout(nodeGPUs: nodeLayout)
        guard let items = try r.sequence("bindings") else { return [] }
        if items.count > count {
            throw r.error("bindings", "has \(items.count) entries for \(count) \(count == 1 ? "pod" : "pods") (one entry per replica or job instance)")
        }
        var out: [Int] = []
        for (i, item) in items.enumerated() {
            var b = try MappingReader(item, path: r.field("bindings") + "[\(i)]", file: file, index: index)
            guard let nodeText = try b.string("node", required: true) else { throw b.missing("node") }
            let node: Int
            if let k = nodeNames.firstIndex(of: nodeText) {
                node = k
            } else if nodeNames.isEmpty, let k = Int(nodeText), k >= 0, k < nodes {
                node = k
            } else {
                let known = nodeNames.isEmpty ? "a node index 0…\(nodes - 1)" : "one of cluster.node_names (\(nodeNames.joined(separator: ", ")))"
                throw b.error("node", "unknown node '\(nodeText)'; expected \(known)")
            }
            let gpu = try b.int("gpu", required: true, min: 0, max: InputLimits.maxGPUsPerNode) ?? 0
            try b.finish()
            // A GPU outside the cluster (a GPU search or `--gpus` resized it: a named node past
            // `cluster.nodes`, a GPU past `gpus_per_node`): the pod has no binding here and is scheduled (-1).
            out.append(layout.gpu(node: node, local: gpu) ?? -1)
        }
        return out
    }

    /// Reads the informational `k8s: {pod, scheduler, priority_class, priority, node}` mapping.
    static func parseOrigin(_ r: inout MappingReader) throws -> ClusterPodOrigin? {
        guard var k = try r.mapping("k8s") else { return nil }
        guard let pod = try k.string("pod", required: true) else { throw k.missing("pod") }
        let scheduler = try k.string("scheduler") ?? "default-scheduler"
        let pc = try k.string("priority_class")
        let priority = try k.int("priority", min: -2_147_483_648, max: 2_147_483_647)
        let node = try k.string("node")
        try k.finish()
        return ClusterPodOrigin(pod: pod, scheduler: scheduler, priorityClass: pc, priority: priority, node: node)
    }
}

extension ClusterScenarioLoader {
    /// One line of `cluster.node_groups`: `count` nodes of `gpus_per_node` GPUs of `gpu_memory_mib`
    /// each, of device `profile` (nil: `cluster.profile`).
    struct NodeGroup {
        var count: Int
        var gpus: Int
        var memoryMiB: Int
        var profile: DeviceProfile?
    }

    /// Reads `cluster.node_groups: [{count, gpus_per_node, profile?, gpu_memory_mib?}, …]` (nodes in
    /// that order, numbered node-major as `nodes × gpus_per_node` are), or nil when absent. A group's
    /// memory defaults to its profile's, else to `memory` (the cluster's). At most 10,000 nodes in
    /// all, as `cluster.nodes`.
    static func parseNodeGroups(_ r: inout MappingReader, memory: Int, file: String,
                                index: LineIndex) throws -> [NodeGroup]? {
        guard let items = try r.sequence("node_groups") else { return nil }
        if items.isEmpty { throw r.error("node_groups", "needs at least one group") }
        var groups: [NodeGroup] = []
        var total = 0
        for (i, item) in items.enumerated() {
            var g = try MappingReader(item, path: r.field("node_groups") + "[\(i)]", file: file, index: index)
            let count = try g.int("count", required: true, min: 1, max: InputLimits.maxNodes) ?? 1
            let gpus = try g.int("gpus_per_node", required: true, min: 1, max: InputLimits.maxGPUsPerNode) ?? 1
            var profile: DeviceProfile?
            if let p = try g.choice("profile", DeviceProfile.catalogNames) { profile = DeviceProfile.named(p) }
            let m = try g.int("gpu_memory_mib", min: 1) ?? profile.map { Int($0.memoryBytes / 1_048_576) } ?? memory
            try g.finish()
            total += count
            if total > InputLimits.maxNodes { throw g.error("count", "the node groups hold more than \(InputLimits.maxNodes) nodes (colosim's limit, docs/limits.md)") }
            groups.append(NodeGroup(count: count, gpus: gpus, memoryMiB: m, profile: profile))
        }
        return groups
    }
}
