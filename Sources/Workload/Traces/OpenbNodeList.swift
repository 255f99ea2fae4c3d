import ColoModel

/// Importer of openb node lists (`openb_node_list_gpu_node.csv`, `openb_node_list_all_node.csv`).
///
/// Columns `sn,cpu_milli,memory_mib,gpu,model` (Alibaba cluster-trace-gpu-v2023; PROVENANCE.md §1);
/// `model` is empty for CPU-only nodes.
public enum OpenbNodeList {
    /// Reads the node list at `path`.
    public static func load(path: String) throws -> [NodeSpec] {
        try parse(OpenbCSV(path: path))
    }

    /// Parses node-list CSV `text` read from `file`.
    public static func parse(text: String, file: String) throws -> [NodeSpec] {
        try parse(OpenbCSV(text: text, file: file))
    }

    static func parse(_ csv: OpenbCSV) throws -> [NodeSpec] {
        let name = try csv.column("sn")
        let cpu = try csv.column("cpu_milli")
        let mem = try csv.column("memory_mib")
        let gpu = try csv.column("gpu")
        let model = try csv.column("model")
        var nodes: [NodeSpec] = []
        nodes.reserveCapacity(csv.rows.count)
        for (line, f) in csv.rows {
            let gpus = try csv.count(f, gpu, line: line)
            let m = f[model].trimmingCharacters(in: .whitespaces)
            if gpus > OpenbCSV.maxGPUs {
                throw OpenbFormatError(file: csv.file, line: line, column: "gpu", message: "at most \(OpenbCSV.maxGPUs) GPUs per node, got \(gpus)")
            }
            if gpus > 0 && m.isEmpty {
                throw OpenbFormatError(file: csv.file, line: line, column: "model", message: "a GPU node needs a GPU model")
            }
            nodes.append(NodeSpec(name: String(f[name]), cpuMilli: try csv.count(f, cpu, line: line),
                                  memoryMiB: try csv.count(f, mem, line: line), gpuCount: gpus,
                                  gpuModel: m.isEmpty ? nil : m))
        }
        return nodes
    }
}
