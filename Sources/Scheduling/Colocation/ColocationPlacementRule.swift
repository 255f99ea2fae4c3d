/// The placement rule a co-location policy binds pods by (``ColocationPlacementRules``), as explanations name it.
public enum ColocationPlacementRule: String, Sendable, Hashable, CaseIterable {
    /// One pod per whole GPU, lowest-numbered empty GPU first (`dedicated`).
    case wholeGPU = "whole GPU"
    /// A BE pod borrows a whole GPU the autoscaled services do not use (`tidal`).
    case tidalLend = "tidal lend"
    /// Best fit by compute quota, memory and pod count (`shared`).
    case bestFit = "best fit by quota"
    /// LS pods apart, BE pods beside them (`preemptive`, `time-sliced`).
    case besideLS = "LS apart, BE beside LS"
}
