/// What to change in a scenario before running it: seed, policy, GPU count and any parameter by path.
///
/// Paths are dotted keys into the scenario's YAML (`containers.ai.weight`, `isolation.kernel_mode.slice_ms`,
/// `services.rec-recall.p99_ms`); a list element is named by its `name` or its 0-based index. Missing
/// mappings on the way are created, so `isolation.kernel_mode.slice_ms` works on a file without a
/// `kernel_mode` section. Values are YAML (`0.5`, `burst`, `{work_us: 500}`).
public struct ScenarioOverrides: Sendable, Hashable {
    /// One `path=value` assignment.
    public struct Parameter: Sendable, Hashable {
        /// Dotted path.
        public var path: String
        /// YAML value text.
        public var value: String

        /// Creates an assignment.
        public init(path: String, value: String) {
            self.path = path
            self.value = value
        }

        /// Parses `path=value` (as given to `--set`); nil when there is no `=` or the path is empty.
        public init?(assignment: String) {
            guard let eq = assignment.firstIndex(of: "="), eq != assignment.startIndex else { return nil }
            path = String(assignment[..<eq]).trimmingCharacters(in: .whitespaces)
            value = String(assignment[assignment.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            if path.isEmpty { return nil }
        }
    }

    /// Run seed (nil: the scenario's).
    public var seed: UInt64?
    /// Policy: a co-location policy for cluster scenarios; a kernel-mode policy (`fixed`, `burst`,
    /// `weight-preemptive`, `online-preempts-offline`) or an engine (`none`, `user-mode`,
    /// `user-mode-time-sliced`) for single-GPU scenarios.
    public var policy: String?
    /// GPUs to provision (cluster scenarios only).
    public var gpus: Int?
    /// Parameter assignments, applied in order.
    public var parameters: [Parameter]
    /// Cluster scenarios: the fidelity level (`event` or `response`), overriding the scenario's.
    public var fidelity: String?

    /// Creates overrides.
    public init(seed: UInt64? = nil, policy: String? = nil, gpus: Int? = nil, parameters: [Parameter] = []) {
        self.seed = seed
        self.policy = policy
        self.gpus = gpus
        self.parameters = parameters
    }

    /// These overrides with one more named setting: `seed`, `policy`, `gpus`, or a parameter path.
    ///
    /// Throws an ``InputError`` naming `field` when a `seed` or `gpus` value is not a number.
    public func setting(_ name: String, to value: String, field: String) throws -> ScenarioOverrides {
        var o = self
        switch name {
        case "seed":
            guard let s = UInt64(value) else { throw InputError(field: field, "seed must be an integer ≥ 0, got '\(value)'") }
            o.seed = s
        case "policy":
            o.policy = value
        case "gpus":
            guard let g = Int(value), g >= 1 else { throw InputError(field: field, "gpus must be an integer ≥ 1, got '\(value)'") }
            o.gpus = g
        default:
            o.parameters.append(Parameter(path: name, value: value))
        }
        return o
    }
}
