import ColoModel

/// Disambiguates `WorkloadSpec` inside the Simulator module.
///
/// Both `ColoModel` (the device engineer's single-GPU workload description) and `Workload` (the
/// trace engineer's generator specs) declare a public `WorkloadSpec`; the Simulator imports both, so
/// an unqualified `WorkloadSpec` is ambiguous. A module-level alias takes precedence over imports, so
/// the single-GPU simulator keeps meaning the ColoModel type. The cluster code names the other one
/// `Workload.WorkloadSpec` explicitly. (Merge note: the coordinator may prefer to rename one type.)
typealias WorkloadSpec = ColoModel.WorkloadSpec
