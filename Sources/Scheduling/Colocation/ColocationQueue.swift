/// Pods waiting for a GPU, first come first served (evicted pods go back to the front).
public struct ColocationQueue: Sendable, Hashable {
    /// The waiting pods, head first.
    public private(set) var pods: [ColocationPod] = []

    /// An empty queue.
    public init() {}

    /// Appends a newly submitted pod.
    public mutating func append(_ pod: ColocationPod) { pods.append(pod) }
    /// Puts an evicted pod back at the head.
    public mutating func pushFront(_ pod: ColocationPod) { pods.insert(pod, at: 0) }

    /// Removes pod `id` (a pod deleted while it waited); whether it was there. O(n).
    @discardableResult
    mutating func remove(id: Int) -> Bool {
        guard let i = pods.firstIndex(where: { $0.id == id }) else { return false }
        pods.remove(at: i)
        return true
    }

    /// Replaces the waiting pods (the scheduler's drain keeps those that still do not fit).
    mutating func replace(with kept: [ColocationPod]) { pods = kept }
}
