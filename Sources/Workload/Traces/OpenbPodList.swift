import ColoModel

/// Importer of openb pod lists (`openb_pod_list_*.csv`).
///
/// Required columns `name,cpu_milli,memory_mib,num_gpu,gpu_milli` (num_gpu at most 64); optional `gpu_spec` (allowed GPU
/// models, `|`-separated), `qos` (LS, BE, Burstable, Guaranteed), `creation_time`,
/// `deletion_time`, `scheduled_time` (seconds, may be empty). Alibaba cluster-trace-gpu-v2023;
/// PROVENANCE.md §1. As the artifact's `pod_csv_to_yaml.py`, a GPU share above 1000 is clamped to
/// 1000 and the model constraint applies only to GPU pods.
public enum OpenbPodList {
    /// Reads the pod list at `path`.
    public static func load(path: String) throws -> [PodRequest] {
        try parse(OpenbCSV(path: path))
    }

    /// Parses pod-list CSV `text` read from `file`.
    public static func parse(text: String, file: String) throws -> [PodRequest] {
        try parse(OpenbCSV(text: text, file: file))
    }

    static func parse(_ csv: OpenbCSV) throws -> [PodRequest] {
        let name = try csv.column("name")
        let cpu = try csv.column("cpu_milli")
        let mem = try csv.column("memory_mib")
        let numGPU = try csv.column("num_gpu")
        let gpuMilli = try csv.column("gpu_milli")
        let spec = csv.header.firstIndex(of: "gpu_spec")
        let qos = csv.header.firstIndex(of: "qos")
        let times = ["creation_time", "deletion_time", "scheduled_time"].compactMap { csv.header.firstIndex(of: $0) }
        var pods: [PodRequest] = []
        pods.reserveCapacity(csv.rows.count)
        for (line, f) in csv.rows {
            let n = try csv.count(f, numGPU, line: line)
            if n > OpenbCSV.maxGPUs {
                throw OpenbFormatError(file: csv.file, line: line, column: "num_gpu",
                                       message: "at most \(OpenbCSV.maxGPUs) GPUs per pod (no node has more), got \(n)")
            }
            var milli = try csv.count(f, gpuMilli, line: line)
            if n > 0 && milli == 0 {
                throw OpenbFormatError(file: csv.file, line: line, column: "gpu_milli",
                                       message: "a pod with num_gpu \(n) needs gpu_milli > 0")
            }
            milli = min(milli, GPUShare.milliPerGPU)
            if n > 1 && milli < GPUShare.milliPerGPU {
                throw OpenbFormatError(file: csv.file, line: line, column: "gpu_milli",
                                       message: "a multi-GPU pod must take whole GPUs (1000), got \(milli)")
            }
            for t in times where !f[t].trimmingCharacters(in: .whitespaces).isEmpty {
                _ = try csv.count(f, t, line: line)
            }
            var models: [String] = []
            if let spec, n > 0 {
                models = f[spec].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            let q = qos.map { String(f[$0]) } ?? ""
            let cls: PriorityClass = (q == "LS" || q == "Guaranteed") ? .latencySensitive : .bestEffort
            pods.append(PodRequest(name: String(f[name]), cpuMilli: try csv.count(f, cpu, line: line),
                                   memoryMiB: try csv.count(f, mem, line: line), gpuCount: n,
                                   gpuMilli: n > 0 ? milli : 0, allowedGPUModels: models,
                                   priorityClass: cls, priority: cls == .latencySensitive ? 1000 : 0))
        }
        return pods
    }
}
