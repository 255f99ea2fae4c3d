/// Smooth weighted round-robin over a changing candidate set (nginx's SWRR).
///
/// Each pick adds every candidate's weight to its credit, takes the candidate of largest credit (lowest
/// key on ties) and subtracts the candidates' total weight from it. With a fixed candidate set the
/// sequence repeats every ΣW picks (after dividing the weights by their gcd) and each candidate is picked
/// exactly `w` times per repetition, spread as evenly as possible [nginx `ngx_http_upstream_get_peer`,
/// 2012]. Keys are arbitrary integers so a pseudo-candidate (e.g. "unallocated") can take part.
public struct SmoothWeightedRoundRobin: Sendable, Hashable {
    /// The running credits, by key.
    public private(set) var credits: [Int: Int64] = [:]

    /// Creates a round-robin with zero credits.
    public init() {}

    /// Picks the next key among `candidates` (key, weight > 0); nil when there are none.
    public mutating func pick(among candidates: [(key: Int, weight: Int64)]) -> Int? {
        guard !candidates.isEmpty else { return nil }
        var total: Int64 = 0
        var best = candidates[0].key
        var bestCredit = Int64.min
        for (k, w) in candidates {
            let c = (credits[k] ?? 0) + w
            credits[k] = c
            total += w
            if c > bestCredit || (c == bestCredit && k < best) {
                best = k
                bestCredit = c
            }
        }
        credits[best, default: 0] -= total
        return best
    }

    /// Resets one key's credit (a container rejoining the candidates starts level).
    public mutating func reset(_ key: Int) { credits[key] = 0 }
}
