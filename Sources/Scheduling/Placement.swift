import ColoModel

/// Where a pod was bound and what it took: enough to release it again.
public struct Placement: Sendable, Hashable {
    /// Node index in ``ClusterState/nodes``.
    public var node: Int
    /// GPUs the pod uses on that node.
    public var gpus: GPUSet
    /// The pod's shape (its requests).
    public var shape: PodShape
}
