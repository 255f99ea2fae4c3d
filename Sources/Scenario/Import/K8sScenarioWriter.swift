import Foundation

/// Writes an imported cluster as `schema: cluster` YAML: one LS service or BE job per GPU pod
/// (a pod holding k GPUs is k replicas or job instances), each with its current `bindings` and its
/// `k8s` origin, the nodes by name and `start_from: current` (docs/import.md has the mapping table).
struct K8sScenarioWriter {
    let options: K8sImportOptions
    let shape: K8sClusterShape
    let nodes: [K8sNode]
    let nodesFile: String
    let podsFile: String

    /// A YAML double-quoted string.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                // YAML allows only printable characters, even quoted: escape the rest (C0, DEL, C1, non-characters).
                let v = ch.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF {
                    out += String(format: "\\u%04X", v)
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out + "\""
    }

    /// A number as YAML (integers without a decimal point).
    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }

    func yaml(pods: [K8sPod], bindings: [K8sBinding]) -> String {
        let hami = nodes.contains { $0.isHAMi } || pods.contains { $0.fractional }
        var y = """
            # Imported by `colosim import k8s` from \(URL(fileURLWithPath: nodesFile).lastPathComponent) and \
            \(URL(fileURLWithPath: podsFile).lastPathComponent) (core/v1 Node and Pod lists); docs/import.md.
            # Every GPU pod is an LS service or a BE job with its current binding; loads and SLAs are the
            # import's defaults (the API has none): set them with --set services.NAME.load.poisson_rps=… etc.
            schema: cluster
            name: \(Self.quoted(options.name))
            seed: 1
            duration_s: \(Self.number(options.duration))
            step_s: \(Self.number(min(options.step, options.duration)))
            policy: \(hami ? "shared" : "dedicated")
            start_from: current
            cluster:

            """
        let groups = shape.groups
        if groups.count <= 1 {
            y += "  nodes: \(nodes.count)\n  gpus_per_node: \(shape.gpusPerNode)\n"
        } else {
            // Nodes that differ: one group per run of nodes with the same GPU count, in node order.
            y += "  node_groups:\n"
            for g in groups { y += "    - {count: \(g.count), gpus_per_node: \(g.gpus)}\n" }
        }
        if let p = shape.profile { y += "  profile: \(p)\n" }
        y += "  gpu_memory_mib: \(shape.gpuMemoryMiB)\n"
        y += "  node_names: [\(nodes.map { Self.quoted($0.name) }.joined(separator: ", "))]\n"
        if hami { y += "colocation: {max_pods_per_gpu: \(min(64, max(1, options.hamiSplitCount)))}\n" }
        let bound = Dictionary(uniqueKeysWithValues: bindings.map { ($0.pod, $0) })
        var services = "", jobs = ""
        for pod in pods {
            let units = K8sBindingAssigner.units(pod, gpuMemoryMiB: shape.gpuMemoryMiB, options: options)
            let milli = units.map(\.milli).max() ?? 1000
            let mem = units.map(\.memoryMiB).max() ?? options.defaultMemoryMiB
            var e = "  - name: \(Self.quoted(pod.id))\n"
            let ls = K8sImporter.workloadClass(pod, options: options) == .ls
            if ls {
                e += "    replicas: \(units.count)\n"
                e += "    load: {poisson_rps: \(Self.number(options.lsRequestsPerSecond))}\n"
                e += "    p99_ms: \(Self.number(options.lsP99Milliseconds))\n"
            } else {
                e += "    kind: training\n    count: \(units.count)\n"
                e += "    work_s: \(Self.number(options.duration * 10))\n"
            }
            e += "    gpu_milli: \(milli)\n    memory_mib: \(mem)\n"
            if let b = bound[pod.id] {
                e += "    bindings: [\(b.gpus.map { "{node: \(Self.quoted(b.node)), gpu: \($0)}" }.joined(separator: ", "))]\n"
            }
            var k8s = "pod: \(Self.quoted(pod.id)), scheduler: \(Self.quoted(pod.scheduler))"
            if let c = pod.priorityClass { k8s += ", priority_class: \(Self.quoted(c))" }
            if let p = pod.priority { k8s += ", priority: \(p)" }
            if let n = pod.node { k8s += ", node: \(Self.quoted(n))" }
            e += "    k8s: {\(k8s)}\n"
            if ls { services += e } else { jobs += e }
        }
        if !services.isEmpty { y += "services:\n" + services }
        if !jobs.isEmpty { y += "jobs:\n" + jobs }
        return y
    }
}
