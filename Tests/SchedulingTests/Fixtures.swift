import ColoModel
@testable import Scheduling

/// Small clusters and pods for the scheduling tests.
enum Fixtures {
    static func node(_ name: String, cpu: Int = 64_000, mem: Int = 262_144, gpus: Int = 2, model: String? = "T4") -> NodeSpec {
        NodeSpec(name: name, cpuMilli: cpu, memoryMiB: mem, gpuCount: gpus, gpuModel: gpus > 0 ? model : nil)
    }

    static func pod(_ name: String = "p", cpu: Int = 1000, mem: Int = 1024, gpus: Int = 0, milli: Int = 0,
                    models: [String] = []) -> PodRequest {
        PodRequest(name: name, cpuMilli: cpu, memoryMiB: mem, gpuCount: gpus, gpuMilli: milli, allowedGPUModels: models)
    }

    /// A node state with the given free shares and CPU, in a cluster whose GPU models are
    /// `clusterModels` (so its model index matches models built from that cluster).
    static func state(gpuLeft: [Int], cpuLeft: Int, cpu: Int = 64_000, model: String = "T4",
                      clusterModels: [String] = []) -> NodeState {
        let others = clusterModels.filter { $0 != model }.map { node($0, gpus: 1, model: $0) }
        var cluster = ClusterState(nodes: [node("n", cpu: cpu, gpus: gpuLeft.count, model: model)] + others)
        cluster.nodes[0].gpuMilliLeft = gpuLeft
        cluster.nodes[0].cpuLeft = cpuLeft
        return cluster.nodes[0]
    }
}
