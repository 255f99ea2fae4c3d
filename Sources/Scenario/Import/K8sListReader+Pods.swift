import Foundation

extension K8sListReader {
    /// A pod that is not finished, nil when it is skipped (malformed) or has finished
    /// (`status.phase` Succeeded or Failed). Non-GPU pods come back with no ``K8sPod/gpus``.
    mutating func pod(_ item: Any, at path: String) throws(K8sImportError) -> K8sPod? {
        guard let o = item as? [String: Any] else {
            try json.report(path, "expected a Pod object, got \(K8sJSON.describe(item))")
            return nil
        }
        if let kind = o["kind"] as? String, kind != "Pod" { try json.report(K8sJSON.child(path, "kind"), "expected Pod, got '\(kind)'"); return nil }
        let mp = K8sJSON.child(path, "metadata")
        guard let meta = try json.object(o, "metadata", at: path, required: true),
              let name = try json.string(meta, "name", at: mp, required: true) else { return nil }
        let namespace = try json.string(meta, "namespace", at: mp) ?? "default"
        let labels = try json.stringMap(meta, "labels", at: mp)
        let annotations = try json.stringMap(meta, "annotations", at: mp)
        let sp = K8sJSON.child(path, "spec")
        guard let spec = try json.object(o, "spec", at: path, required: true) else { return nil }
        let scheduler = try json.string(spec, "schedulerName", at: sp) ?? "default-scheduler"
        let priorityClass = try json.string(spec, "priorityClassName", at: sp)
        let priority = try json.int(spec, "priority", at: sp, range: -2_147_483_648...2_147_483_647)
        let nodeName = try json.string(spec, "nodeName", at: sp).flatMap { $0.isEmpty ? nil : $0 }
        let status = try json.object(o, "status", at: path) ?? [:]
        let phase = try json.string(status, "phase", at: K8sJSON.child(path, "status"))
        if phase == "Succeeded" || phase == "Failed" { return nil }
        guard let containers = try json.array(spec, "containers", at: sp, required: true) else { return nil }
        if containers.isEmpty { try json.report(K8sJSON.child(sp, "containers"), "a pod needs at least one container"); return nil }

        var gpus: [K8sPod.GPURequest] = []
        var fractional = false
        for (c, item) in containers.enumerated() {
            let cp = "\(K8sJSON.child(sp, "containers"))[\(c)]"
            guard let container = item as? [String: Any] else {
                try json.report(cp, "expected a Container object, got \(K8sJSON.describe(item))")
                return nil
            }
            guard let resources = try json.object(container, "resources", at: cp) else { continue }
            let rp = K8sJSON.child(cp, "resources")
            // Extended resources are set in limits (requests, if given, must equal them): limits first.
            var merged: [String: (value: Any, path: String)] = [:]
            for section in ["requests", "limits"] {
                guard let r = try json.object(resources, section, at: rp) else { continue }
                for (k, v) in r { merged[k] = (v, K8sJSON.child(K8sJSON.child(rp, section), k)) }
            }
            var count: Int?
            var mem: Int?
            var memPercent: Int?
            var cores: Int?
            for key in merged.keys.sorted() {
                guard let (v, p) = merged[key] else { continue }
                switch key {
                case Self.gpuResource:
                    switch K8sQuantity.wholeNumber(v, in: 0...64) {
                    case .success(let n): count = n
                    case .failure(let e): try json.report(p, e.message); return nil
                    }
                case Self.gpuMemResource:
                    switch K8sQuantity.wholeNumber(v, in: 1...1_048_576) {
                    case .success(let n): mem = n
                    case .failure(let e): try json.report(p, e.message + " (MiB)"); return nil
                    }
                case Self.gpuMemPercentResource:
                    switch K8sQuantity.wholeNumber(v, in: 1...100) {
                    case .success(let n): memPercent = n
                    case .failure(let e): try json.report(p, e.message + " (percent)"); return nil
                    }
                case Self.gpuCoresResource:
                    switch K8sQuantity.wholeNumber(v, in: 0...100) {
                    case .success(let n): cores = n
                    case .failure(let e): try json.report(p, e.message + " (percent)"); return nil
                    }
                default:
                    if Self.ignoredResources.contains(key) || key.hasPrefix("hugepages-") { continue }
                    try json.report(p, "unknown resource '\(key)'; colosim reads \(Self.gpuResource), \(Self.gpuMemResource), "
                                    + "\(Self.gpuMemPercentResource), \(Self.gpuCoresResource) (cpu, memory, ephemeral-storage, hugepages-* are ignored)")
                }
            }
            let frac = mem != nil || memPercent != nil || (cores.map { $0 > 0 } ?? false)
            // HAMi's webhook gives a container asking only for memory or cores one GPU (nvidia.defaultGPUNum).
            let n = count ?? (frac ? 1 : 0)
            guard n > 0 else { continue }
            if frac { fractional = true }
            let milli = cores.map { $0 > 0 ? $0 * 10 : 1000 } ?? 1000
            for _ in 0..<n { gpus.append(K8sPod.GPURequest(milli: milli, memoryMiB: mem, memoryPercent: memPercent)) }
        }
        var devices: [HAMiDevice] = []
        if let a = annotations[Self.hamiAllocated], !gpus.isEmpty, annotations[Self.hamiBindPhase] != "failed" {
            let ap = K8sJSON.child(K8sJSON.child(mp, "annotations"), Self.hamiAllocated)
            switch HAMiDevice.decode(a) {
            case .success(let d):
                if !d.isEmpty && d.count != gpus.count {
                    try json.report(ap, "lists \(d.count) devices for \(gpus.count) requested GPUs")
                } else {
                    devices = d
                }
            case .failure(let e): try json.report(ap, e.message)
            }
        }
        return K8sPod(namespace: namespace, name: name, labels: labels, scheduler: scheduler, priorityClass: priorityClass,
                      priority: priority, node: nodeName, phase: phase, gpus: gpus, fractional: fractional,
                      hamiDevices: devices)
    }
}
