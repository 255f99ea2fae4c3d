/// Which random stream draws an openb replay's arrival order, tuning copies and node ranking.
public enum OpenbRandomStream: String, Sendable, CaseIterable {
    /// Go's `math/rand` after `rand.Seed(seed)`, in the FGD artifact's order of calls (default).
    case go
    /// Independent SplitMix64 streams of the seed (1 shuffle, 2 tuning, 4 node ranks).
    case splitMix64 = "splitmix64"
}
