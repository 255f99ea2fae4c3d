/// How `colosim import k8s` maps a live cluster onto a cluster scenario (docs/import.md).
public struct K8sImportOptions: Sendable, Hashable {
    /// What a malformed object or an unknown resource does to the import.
    public enum OnError: String, Sendable, Hashable, CaseIterable {
        /// Stop at the first issue (exit 2).
        case stop
        /// Report the issue, skip the object (or ignore the unknown resource) and go on.
        case skip
    }

    /// Workload class of pods no selector or priority decides.
    public enum WorkloadClass: String, Sendable, Hashable, CaseIterable {
        /// Latency-sensitive (an online service).
        case ls
        /// Best-effort (an offline job).
        case be
    }

    /// Issue handling.
    public var onError: OnError = .stop
    /// Pods whose labels match every `key=value` here are LS (checked first).
    public var lsSelector: [String: String] = [:]
    /// Pods whose labels match every `key=value` here are BE (checked after `lsSelector`).
    public var beSelector: [String: String] = [:]
    /// Pods with `spec.priority` ≥ this are LS, below it BE.
    public var lsMinPriority: Int = 1000
    /// The class of pods with neither a matching selector nor a `spec.priority`.
    public var defaultClass: WorkloadClass = .be
    /// HAMi's `nvidia.deviceSplitCount` (virtual GPUs per physical GPU; HAMi's default 10).
    public var hamiSplitCount: Int = 10
    /// Treat every node as a HAMi node even without HAMi's node annotation.
    public var assumeHAMi: Bool = false
    /// Scenario name.
    public var name: String = "k8s-import"
    /// Simulated span of the scenario, seconds.
    public var duration: Double = 3600
    /// Step of the scenario, seconds.
    public var step: Double = 60
    /// Offered load of each LS pod (requests/s; the API has no load figure).
    public var lsRequestsPerSecond: Double = 50
    /// p99 latency target of each LS pod, ms.
    public var lsP99Milliseconds: Double = 100
    /// Device memory of a GPU pod that requests none (whole-GPU pods, `nvidia.com/gpu` only), MiB.
    public var defaultMemoryMiB: Int = 4096

    /// Default options.
    public init() {}
}
