/// What the scheduler's filter and score phases found for one pod (the facts behind a bind or a
/// queueing): the same ``PlacementDecision`` numbers `colosim place --explain` prints.
public enum ColocationPlacementChoice: Sendable, Hashable {
    /// Bound to the best-scoring node of `feasibleNodes` that passed the filter (`tiedNodes` with the
    /// same score; the lowest-numbered wins), on a GPU that had `milliLeft` milli-GPU free in `pool`.
    case scheduled(pool: String, score: Int64, feasibleNodes: Int, tiedNodes: Int, milliLeft: Int)
    /// Kept on the GPU the scenario says it runs on now (its current binding), which had `milliLeft`
    /// milli-GPU free in `pool`.
    case pinned(pool: String, milliLeft: Int)
    /// No node passed the filter in `pool`: `rejected` counts nodes per filter verdict.
    case unschedulable(pool: String, rejected: [String: Int])
}
