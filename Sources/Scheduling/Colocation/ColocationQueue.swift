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

    /// Binds every waiting pod that `place` finds a GPU for, in queue order, and returns the binds.
    public mutating func drain(into occupancy: inout ColocationOccupancy,
                               place: (ColocationPod, ColocationOccupancy) -> Int?) -> [ColocationAction] {
        var actions: [ColocationAction] = []
        var kept: [ColocationPod] = []
        for p in pods {
            if let g = place(p, occupancy) {
                occupancy.bind(p, gpu: g)
                actions.append(.bind(pod: p.id, gpu: g))
            } else {
                kept.append(p)
            }
        }
        pods = kept
        return actions
    }
}
