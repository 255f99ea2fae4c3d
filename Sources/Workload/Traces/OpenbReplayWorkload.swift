import ColoModel

/// The arrival sequence of the FGD artifact's experiment, built from an openb pod list and a seed.
///
/// hkust-adsl/kubernetes-scheduler-simulator `pkg/simulator/core.go` and `simulator.go`
/// (`SortClusterPods`, `TunePodsByNodeTotalResource`): the trace's pods, sorted by name, are shuffled
/// by the seed; if their GPU request is below `ratio × capacity`, copies drawn uniformly with
/// replacement from the name-sorted trace are appended until the next copy's per-GPU share would
/// exceed the target (the artifact tests `MilliGpu`, not the total — kept as is); if above, random
/// pods are removed until it is not. Pods are then placed one at a time in that order. Nodes get a
/// random rank (the artifact prefixes node names, sorted, with `rand.Perm`, and its Kubernetes fork
/// breaks score ties by the smallest name). By default the draws are the artifact's own Go
/// `math/rand` stream (``GoMathRand``), so a seed gives the artifact's arrival order and ranking.
public struct OpenbReplayWorkload: Sendable {
    /// Pods in arrival order.
    public var pods: [PodRequest]
    /// One set of draws per pod (random GPU choice; ties when no node ranking is used).
    public var draws: [PlacementDraws]
    /// Tie-break rank of each node (in the order given), lower wins.
    public var nodeRank: [Int]

    /// Builds the sequence for `seed` so the GPU request reaches `ratio` of `clusterGPUMilli`.
    ///
    /// `stream` picks the random draws for shuffling, tuning and the node ranking: `.go` (default)
    /// replays the artifact's own Go `math/rand` stream after `rand.Seed(seed)` — one `rand.Int()`
    /// (evaluated for a debug log line in `core.go`), `rand.Shuffle` of the name-sorted pods,
    /// `rand.Intn` per tuning step, `rand.Perm` of the name-sorted nodes — so arrival order and tie
    /// ranks are the artifact's, seed for seed; `.splitMix64` uses independent SplitMix64 streams of
    /// the seed (1 shuffle, 2 tuning, 4 node ranks), same distribution, other samples. The random
    /// policy's per-pod draws come from SplitMix64 stream 3 in both cases (the artifact's random
    /// scores are drawn by parallel goroutines, in no reproducible order).
    public init(trace: [PodRequest], nodes: [NodeSpec], ratio: Double, seed: UInt64,
                stream: OpenbRandomStream = .go) {
        let clusterGPUMilli = nodes.reduce(0) { $0 + $1.gpuMilliCapacity }
        let sorted = trace.enumerated().sorted { a, b in
            a.element.name < b.element.name || (a.element.name == b.element.name && a.offset < b.offset)
        }.map(\.element)
        var draws = OpenbArrivalDraws(seed: seed, stream: stream)
        var order = sorted
        draws.shuffle(&order)
        var total = 0
        for p in order { total += p.totalGPUMilli }
        let target = ratio * Double(clusterGPUMilli)
        if ratio > 0, !sorted.isEmpty {
            if Double(total) > target {
                while Double(total) > target, !order.isEmpty {
                    let idx = draws.tuneIndex(order.count)
                    total -= order[idx].totalGPUMilli
                    order.remove(at: idx)
                }
            } else if Double(total) < target {
                var i = 0
                while true {
                    var copy = sorted[draws.tuneIndex(sorted.count)]
                    let share = copy.needsGPU ? copy.gpuMilli : 0
                    if Double(total + share) > target { break }
                    copy.name += "-tuned-\(i)"
                    total += copy.totalGPUMilli
                    order.append(copy)
                    i += 1
                }
            }
        }
        pods = order
        var rng = SplitMix64(seed: seed, stream: 3)
        self.draws = order.map { _ in PlacementDraws(node: rng.uniform(), gpu: rng.uniform()) }
        let perm = draws.nodePermutation(nodes.count)
        let byName = nodes.indices.sorted { nodes[$0].name < nodes[$1].name || (nodes[$0].name == nodes[$1].name && $0 < $1) }
        var rank = Array(repeating: 0, count: nodes.count)
        for (position, index) in byName.enumerated() { rank[index] = perm[position] }
        nodeRank = rank
    }
}
