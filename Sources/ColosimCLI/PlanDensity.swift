import Simulator

/// One policy's density answer: the most LS pods per GPU (each taking 1000/k milli-GPU) whose SLAs
/// hold with every GPU searched, and the runs that show it.
struct PlanDensity: Sendable {
    /// One density tried.
    struct Step: Sendable {
        /// LS pods per GPU.
        var podsPerGPU: Int
        /// Whether every SLA held.
        var feasible: Bool
        /// The run.
        var evidence: PlanEvidence
    }

    /// The densest feasible packing (nil: not even one pod per GPU).
    var podsPerGPU: Int?
    /// Every density tried, in increasing density.
    var searched: [Step]

    /// The milli-GPU each LS pod requests at the answer.
    var milli: Int? { podsPerGPU.map { DensitySearch.milli(podsPerGPU: $0) } }
}
