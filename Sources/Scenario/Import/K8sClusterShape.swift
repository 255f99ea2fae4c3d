import ColoModel

/// The cluster a scenario describes for the imported nodes: each node's GPU count (as
/// `cluster.node_groups` when they differ), one device profile and GPU memory (the most common product
/// and memory).
struct K8sClusterShape {
    /// GPUs per node: the most any node has.
    let gpusPerNode: Int
    /// Each node's GPUs, in node order (at least 1).
    let nodeGPUs: [Int]
    /// Runs of consecutive nodes with the same GPU count, in node order (`cluster.node_groups`).
    var groups: [(count: Int, gpus: Int)] { ConsecutiveRuns.of(nodeGPUs).map { ($0.count, $0.value) } }
    /// The device profile's catalog name (nil: the default profile).
    let profile: String?
    /// Device memory per GPU, MiB.
    let gpuMemoryMiB: Int

    init(nodes: [K8sNode], notes: inout [String]) {
        nodeGPUs = nodes.map { max(1, $0.gpus) }
        gpusPerNode = nodeGPUs.max() ?? 1
        let products = nodes.compactMap(\.product)
        let common = Dictionary(grouping: products, by: { $0 }).max { a, b in a.value.count < b.value.count || (a.value.count == b.value.count && a.key > b.key) }?.key
        if Set(products).count > 1 { notes.append("nodes have several GPU products (\(Set(products).sorted().joined(separator: ", "))); the scenario uses \(common ?? "?")") }
        profile = common.flatMap(Self.profileName)
        if let c = common, profile == nil {
            notes.append("GPU product '\(c)' is not in colosim's device catalog; the scenario uses the default profile \(DeviceProfile.defaultName)")
        }
        let memories = nodes.compactMap(\.gpuMemoryMiB)
        let memory = Dictionary(grouping: memories, by: { $0 }).max { a, b in a.value.count < b.value.count || (a.value.count == b.value.count && a.key > b.key) }?.key
        let fallback = (profile.flatMap(DeviceProfile.named) ?? DeviceProfile.named(DeviceProfile.defaultName)).map { Int($0.memoryBytes / 1_048_576) } ?? 16_384
        gpuMemoryMiB = memory ?? fallback
    }

    /// The catalog profile of a GPU feature discovery product label (`NVIDIA-A100-SXM4-40GB`, `Tesla-T4`).
    static func profileName(_ product: String) -> String? {
        let p = product.uppercased()
        for (key, name) in [("H200", "h200"), ("H100", "h100"), ("A100", "a100-40gb"), ("V100", "v100-sxm2-16gb"),
                                  ("P100", "p100"), ("T4", "t4"), ("A10", "a10")]
        where p.contains(key) && DeviceProfile.catalogNames.contains(name) { return name }
        return nil
    }
}
