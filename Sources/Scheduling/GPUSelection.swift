/// How a GPU-sharing pod picks its GPU on the chosen node when the policy has no preference.
///
/// The FGD artifact's open-gpu-share `gpuSelMethod`: `best` (tightest fit, lowest index on ties),
/// `worst` (most free), `random` (uniform among GPUs that fit). Whole-GPU pods always take the
/// lowest-index idle GPUs (`AllocateExclusiveGpuId`).
public enum GPUSelection: String, Sendable, Hashable, CaseIterable {
    /// The fitting GPU with the least free share (HAMi GPU-level binpack).
    case bestFit = "best"
    /// The fitting GPU with the most free share (HAMi GPU-level spread).
    case worstFit = "worst"
    /// A uniformly random fitting GPU (uses ``ColoModel/PlacementDraws/gpu``).
    case random
}
