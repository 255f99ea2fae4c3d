/// Finds which GPUs of its node each bound pod holds: HAMi's annotated device UUIDs where the node
/// registers them, else first fit by milli-GPU and memory in pod order (the core/v1 API does not
/// say which device the NVIDIA device plugin gave a container).
enum K8sBindingAssigner {
    /// The milli-GPU and MiB of each GPU `pod` holds (HAMi's granted memory and cores where annotated).
    static func units(_ pod: K8sPod, gpuMemoryMiB: Int, options: K8sImportOptions) -> [(milli: Int, memoryMiB: Int)] {
        pod.gpus.enumerated().map { k, r in
            var milli = r.milli
            var mem = r.memoryMiB ?? r.memoryPercent.map { max(1, gpuMemoryMiB * $0 / 100) } ?? options.defaultMemoryMiB
            if k < pod.hamiDevices.count {
                let d = pod.hamiDevices[k]
                if d.memoryMiB > 0 { mem = d.memoryMiB }
                if d.cores > 0 { milli = d.cores * 10 }
            }
            return (min(1000, max(1, milli)), min(gpuMemoryMiB, mem))
        }
    }

    static func assign(_ pods: [K8sPod], nodes: [K8sNode], gpuMemoryMiB: Int, options: K8sImportOptions,
                       notes: inout [String]) -> [K8sBinding] {
        var milli: [String: [Int]] = [:]
        var memory: [String: [Int]] = [:]
        for n in nodes {
            milli[n.name] = Array(repeating: 0, count: n.gpus)
            memory[n.name] = Array(repeating: 0, count: n.gpus)
        }
        var out: [String: K8sBinding] = [:]
        // HAMi-annotated pods first: their devices are known, the others fill around them.
        for pod in pods {
            guard let nodeName = pod.node, let node = nodes.first(where: { $0.name == nodeName }),
                  !pod.hamiDevices.isEmpty, !node.deviceUUIDs.isEmpty else { continue }
            let idx = pod.hamiDevices.map { d in node.deviceUUIDs.firstIndex(of: d.uuid) }
            guard idx.allSatisfy({ $0 != nil }) else {
                notes.append("pod \(pod.id): a device of hami.io/vgpu-devices-allocated is not registered on node \(nodeName); placed by first fit")
                continue
            }
            let gpus = idx.compactMap { $0 }
            for (g, u) in zip(gpus, units(pod, gpuMemoryMiB: gpuMemoryMiB, options: options)) {
                milli[nodeName]?[g] += u.milli
                memory[nodeName]?[g] += u.memoryMiB
            }
            out[pod.id] = K8sBinding(pod: pod.id, node: nodeName, gpus: gpus, source: .hamiAnnotation)
        }
        for pod in pods where out[pod.id] == nil {
            guard let nodeName = pod.node, let used = milli[nodeName], let mem = memory[nodeName] else { continue }
            var m = used, b = mem
            var gpus: [Int] = []
            for u in units(pod, gpuMemoryMiB: gpuMemoryMiB, options: options) {
                guard let g = m.indices.first(where: { !gpus.contains($0) && m[$0] + u.milli <= 1000 && b[$0] + u.memoryMiB <= gpuMemoryMiB }) else {
                    gpus = []
                    break
                }
                m[g] += u.milli
                b[g] += u.memoryMiB
                gpus.append(g)
            }
            guard !gpus.isEmpty else {
                notes.append("pod \(pod.id) on node \(nodeName): no GPU of the node has room for it in the model; the scenario lets the scheduler place it")
                continue
            }
            milli[nodeName] = m
            memory[nodeName] = b
            out[pod.id] = K8sBinding(pod: pod.id, node: nodeName, gpus: gpus, source: .firstFit)
        }
        return out.values.sorted { $0.pod < $1.pod }
    }
}
