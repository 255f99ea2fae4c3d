import Scheduling
import Yams

/// The current-placement keys of a cluster scenario (docs/import.md): `cluster.node_names`,
/// `start_from`, per service / job `bindings` and the informational `k8s` origin.
extension ClusterScenarioLoader {
    /// Reads `bindings: [{node: NAME-or-INDEX, gpu: LOCAL-INDEX}, …]` (one entry per replica or job
    /// instance, in order; at most `count`) into global GPU indices (node-major); -1 for a GPU outside
    /// the cluster (a named node past `cluster.nodes`, a GPU past `gpus_per_node`). `node` is a name of `cluster.node_names`, or an index when there are none.
    static func parseBindings(_ r: inout MappingReader, count: Int, nodeNames: [String], nodes: Int,
                              gpusPerNode: Int, file: String, index: LineIndex) throws -> [Int] {
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
            let gpu = try b.int("gpu", required: true, min: 0, max: 64) ?? 0
            try b.finish()
            // A GPU outside the cluster (a GPU search or `--gpus` resized it: a named node past
            // `cluster.nodes`, a GPU past `gpus_per_node`): the pod has no binding here and is scheduled (-1).
            out.append(node < nodes && gpu < gpusPerNode ? node * gpusPerNode + gpu : -1)
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
