/// GPUs numbered node-major over nodes that may differ in GPU count: node 0's GPUs first, then node
/// 1's, and so on (`cluster.nodes × gpus_per_node`, or `cluster.node_groups`). The one mapping between
/// global GPU indices and (node, GPU on the node) that the scheduler, scenario bindings and placement
/// labels share.
public struct GPULayout: Sendable, Hashable {
    /// GPUs of each node.
    public let nodeGPUs: [Int]
    /// The first GPU of each node.
    public let nodeStart: [Int]
    /// The node of each GPU.
    let gpuNode: [Int]

    /// The layout of nodes with these GPU counts (a negative count counts as 0). O(nodes + GPUs).
    public init(nodeGPUs: [Int]) {
        self.nodeGPUs = nodeGPUs.map { max(0, $0) }
        var start: [Int] = []
        var node: [Int] = []
        for (n, gpus) in self.nodeGPUs.enumerated() {
            start.append(node.count)
            node.append(contentsOf: repeatElement(n, count: gpus))
        }
        nodeStart = start
        gpuNode = node
    }

    /// GPUs in all.
    public var gpuCount: Int { gpuNode.count }

    /// The global index of GPU `local` of node `node`, or nil when the cluster has no such GPU. O(1).
    public func gpu(node: Int, local: Int) -> Int? {
        guard node >= 0, node < nodeGPUs.count, local >= 0, local < nodeGPUs[node] else { return nil }
        return nodeStart[node] + local
    }

    /// The node of GPU `g` and its index there, or nil when the cluster has no GPU `g`. O(1).
    public func locate(_ g: Int) -> (node: Int, local: Int)? {
        guard g >= 0, g < gpuNode.count else { return nil }
        let n = gpuNode[g]
        return (n, g - nodeStart[n])
    }
}
