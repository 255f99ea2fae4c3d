/// Why a placement rule chose its GPU, or found none, with the counts behind it (the occupancy before the bind).
public enum ColocationPlacementChoice: Sendable, Hashable {
    /// The lowest-numbered of `empty` empty GPUs (whole GPU, tidal lend).
    case lowestEmpty(empty: Int)
    /// No empty GPU: all `gpus` hold a pod, `lsPods` LS and `bePods` BE in all.
    case noEmptyGPU(gpus: Int, lsPods: Int, bePods: Int)
    /// Best fit: the chosen GPU had `milliUsed` milli-GPU and `memoryUsed` MiB taken, the fullest of
    /// `candidates` GPUs with room for the pod (`tied` of them as full; the lowest-numbered wins).
    case bestFit(milliUsed: Int, memoryUsed: Int, candidates: Int, tied: Int)
    /// Best fit: no GPU has room. `mostFree` has the most free quota (`milliFree`, `memoryFree` MiB);
    /// `atPodLimit` GPUs hold `maxPods` pods already.
    case noFit(mostFree: Int?, milliFree: Int, memoryFree: Int, atPodLimit: Int, maxPods: Int)
    /// An LS pod on a GPU without another LS pod: the chosen one held `pods` pods, the emptiest of
    /// `candidates` such GPUs with room (`tied` of them as empty; the lowest-numbered wins).
    case lsApart(pods: Int, candidates: Int, tied: Int)
    /// An LS pod finds every one of `gpus` GPUs holding an LS pod or without room.
    case noLSFreeGPU(gpus: Int)
    /// A BE pod beside an LS pod: the chosen GPU held `beCount` of at most `maxBE` BE pods, the fewest
    /// among `candidates` LS GPUs with a free BE slot (`tied` with as few; the lowest-numbered wins).
    case besideLS(beCount: Int, maxBE: Int, candidates: Int, tied: Int)
    /// A BE pod on a GPU holding only BE pods (`beCount` of at most `maxBE`): no LS GPU had a free slot.
    case beOnly(beCount: Int, maxBE: Int)
    /// A BE pod on the lowest-numbered of `empty` empty GPUs: no LS or BE-only GPU had a free slot.
    case emptyForBE(empty: Int)
    /// A BE pod finds no LS GPU with fewer than `maxBE` BE pods, no BE-only GPU with room and no empty GPU.
    case noBESlot(maxBE: Int)
}
