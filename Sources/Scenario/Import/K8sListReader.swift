import Foundation

/// Reads the `List` documents of `kubectl get nodes -o json` and `kubectl get pods -A -o json`
/// (core/v1: `{"apiVersion": "v1", "kind": "List", "items": [...]}`; `NodeList` / `PodList` from
/// the API directly) into ``K8sNode`` and ``K8sPod`` values. Field names follow the core/v1 API
/// reference (Kubernetes v1.31): `metadata.{name,namespace,labels,annotations}`,
/// `spec.{nodeName,schedulerName,priorityClassName,priority,containers[].resources.{limits,requests}}`,
/// `status.{phase,allocatable,capacity}`.
struct K8sListReader {
    var json: K8sJSON
    let options: K8sImportOptions

    /// Resource names that are read or deliberately ignored; any other is an unknown resource.
    static let ignoredResources: Set<String> = ["cpu", "memory", "ephemeral-storage", "storage", "pods"]
    /// HAMi's resources and the device plugin's.
    static let gpuResource = "nvidia.com/gpu"
    static let gpuMemResource = "nvidia.com/gpumem"
    static let gpuMemPercentResource = "nvidia.com/gpumem-percentage"
    static let gpuCoresResource = "nvidia.com/gpucores"
    /// HAMi's node annotation listing the registered devices (HAMi `pkg/device/nvidia/device.go`).
    static let hamiRegister = "hami.io/node-nvidia-register"
    /// HAMi's pod annotation of the devices the scheduler assigned.
    static let hamiAllocated = "hami.io/vgpu-devices-allocated"
    /// HAMi's pod annotation of the bind phase (`allocating`, `success`, `failed`).
    static let hamiBindPhase = "hami.io/bind-phase"

    init(file: String, options: K8sImportOptions) {
        json = K8sJSON(file: file, stop: options.onError == .stop)
        self.options = options
    }

    /// The `items` of a list document of `itemKind` objects.
    mutating func items(_ data: Data, itemKind: String) throws(K8sImportError) -> [Any] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw K8sImportError(K8sImportIssue(file: json.file, path: "$", "not valid JSON (\(error.localizedDescription)); expected the output of kubectl get … -o json"))
        }
        guard let o = root as? [String: Any] else {
            throw K8sImportError(K8sImportIssue(file: json.file, path: "$", "expected a List object, got \(K8sJSON.describe(root))"))
        }
        if let kind = o["kind"] as? String, kind != "List", kind != "\(itemKind)List" {
            if kind == itemKind { return [o] }
            throw K8sImportError(K8sImportIssue(file: json.file, path: "kind", "expected List or \(itemKind)List (kubectl get … -o json), got '\(kind)'"))
        }
        guard let items = o["items"] as? [Any] else {
            throw K8sImportError(K8sImportIssue(file: json.file, path: "items", o["items"] == nil ? "required field 'items' is missing" : "expected an array, got \(K8sJSON.describe(o["items"]))"))
        }
        return items
    }

    // MARK: - nodes

    /// A node, nil when it is skipped (malformed) or has no GPUs.
    mutating func node(_ item: Any, at path: String) throws(K8sImportError) -> K8sNode? {
        guard let o = item as? [String: Any] else {
            try json.report(path, "expected a Node object, got \(K8sJSON.describe(item))")
            return nil
        }
        if let kind = o["kind"] as? String, kind != "Node" { try json.report(K8sJSON.child(path, "kind"), "expected Node, got '\(kind)'"); return nil }
        guard let meta = try json.object(o, "metadata", at: path, required: true),
              let name = try json.string(meta, "name", at: K8sJSON.child(path, "metadata"), required: true) else { return nil }
        let mp = K8sJSON.child(path, "metadata")
        let labels = try json.stringMap(meta, "labels", at: mp)
        let annotations = try json.stringMap(meta, "annotations", at: mp)
        let status = try json.object(o, "status", at: path) ?? [:]
        let sp = K8sJSON.child(path, "status")
        var allocatable = try json.object(status, "allocatable", at: sp) ?? [:]
        if status["allocatable"] == nil { allocatable = try json.object(status, "capacity", at: sp) ?? [:] }
        let ap = K8sJSON.child(sp, status["allocatable"] != nil ? "allocatable" : "capacity")
        var allocated: Int?
        if let v = allocatable[Self.gpuResource] {
            switch K8sQuantity.wholeNumber(v, in: 0...100_000) {
            case .success(let n): allocated = n
            case .failure(let p): try json.report(K8sJSON.child(ap, Self.gpuResource), p.message); return nil
            }
        }
        var uuids: [String] = []
        var hamiMemory: Int?
        var hamiType: String?
        if let reg = annotations[Self.hamiRegister] {
            let rp = K8sJSON.child(K8sJSON.child(mp, "annotations"), Self.hamiRegister)
            switch Self.registeredDevices(reg) {
            case .success(let devices):
                uuids = devices.map(\.uuid)
                hamiMemory = devices.first?.memory
                hamiType = devices.first?.type
            case .failure(let p): try json.report(rp, p.message); return nil
            }
        }
        let isHAMi = options.assumeHAMi || annotations[Self.hamiRegister] != nil
        var gpus = 0
        if let c = labels["nvidia.com/gpu.count"] {
            switch K8sQuantity.wholeNumber(c, in: 0...64) {
            case .success(let n): gpus = n
            case .failure(let p):
                try json.report(K8sJSON.child(K8sJSON.child(mp, "labels"), "nvidia.com/gpu.count"), p.message)
                return nil
            }
        } else if !uuids.isEmpty {
            gpus = uuids.count
        } else if let a = allocated {
            if isHAMi {
                guard a % max(1, options.hamiSplitCount) == 0 else {
                    try json.report(K8sJSON.child(ap, Self.gpuResource), "HAMi node: allocatable \(a) virtual GPUs is not a multiple of the split count \(options.hamiSplitCount) (--hami-split)")
                    return nil
                }
                gpus = a / max(1, options.hamiSplitCount)
            } else {
                gpus = a
            }
        }
        guard gpus > 0 else { return nil }
        guard gpus <= 64 else {
            try json.report(K8sJSON.child(ap, Self.gpuResource), "\(gpus) GPUs on one node is more than colosim models (64)")
            return nil
        }
        var memory = hamiMemory
        if let m = labels["nvidia.com/gpu.memory"] {
            switch K8sQuantity.wholeNumber(m, in: 1...1_048_576) {
            case .success(let n): memory = n
            case .failure(let p):
                try json.report(K8sJSON.child(K8sJSON.child(mp, "labels"), "nvidia.com/gpu.memory"), p.message + " (MiB)")
            }
        }
        return K8sNode(name: name, gpus: gpus, product: labels["nvidia.com/gpu.product"] ?? hamiType, gpuMemoryMiB: memory,
                       deviceUUIDs: uuids, isHAMi: isHAMi)
    }

    /// HAMi's registered devices: a JSON array of `{id, count, devmem, type, …}` (HAMi ≥ 2.5) or the
    /// older `UUID,count,devmem,devcore,type,numa,health[,index,mode]:` entries, in index order.
    static func registeredDevices(_ text: String) -> Result<[(uuid: String, memory: Int?, type: String?)], K8sQuantityProblem> {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("[") {
            guard let a = (try? JSONSerialization.jsonObject(with: Data(t.utf8))) as? [[String: Any]] else {
                return .failure(K8sQuantityProblem("expected a JSON array of devices"))
            }
            var out: [(String, Int?, String?)] = []
            for d in a {
                guard let id = d["id"] as? String, !id.isEmpty else { return .failure(K8sQuantityProblem("a device has no 'id'")) }
                let mem = (d["devmem"] as? NSNumber).flatMap { n -> Int? in
                    let v = n.doubleValue
                    return v.isFinite && v >= 1 && v <= 1_048_576 ? Int(v) : nil
                }
                out.append((id, mem, d["type"] as? String))
            }
            return .success(out)
        }
        var out: [(String, Int?, String?)] = []
        for entry in t.split(separator: ":", omittingEmptySubsequences: true) {
            let f = entry.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 5, !f[0].isEmpty else {
                return .failure(K8sQuantityProblem("device entry '\(entry.prefix(60))' is not UUID,count,devmem,devcore,type,…"))
            }
            guard let mem = Int(f[2]), mem >= 1, mem <= 1_048_576 else {
                return .failure(K8sQuantityProblem("device entry '\(entry.prefix(60))': devmem '\(f[2])' is not a MiB count"))
            }
            out.append((f[0], mem, f[4]))
        }
        return .success(out)
    }
}
