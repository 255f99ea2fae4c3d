import ColoModel
import SimEngine
import Simulator

/// A validated single-GPU scenario: the device, the isolation engine, the containers and their
/// workloads, and the run settings. Loaded from YAML by ``ScenarioLoader`` (schema in docs/scenarios.md).
///
/// The schema is built to be extended by a cluster schema: `device`, `isolation` and the container
/// entries keep their meaning when a later `cluster:` section places containers (as pods) on many GPUs.
public struct Scenario: Sendable {
    /// Scenario name (for reports).
    public var name: String
    /// Free text.
    public var description: String
    /// The file it was loaded from.
    public var file: String
    /// The device, after overrides.
    public var profile: DeviceProfile
    /// The isolation engine.
    public var isolation: IsolationSpec
    /// The containers (identifiers 0, 1, … in file order).
    public var containers: [ContainerSpec]
    /// Length of the run.
    public var duration: SimDuration
    /// Start of the measured window for achieved shares (the warm-up before it is not counted).
    public var warmup: SimDuration
    /// Extra time allowed for issued requests to finish after `duration`.
    public var drain: SimDuration
    /// Length of the token-ledger windows.
    public var shareWindow: SimDuration
    /// Run seed.
    public var seed: UInt64

    /// Configured share of each container (kernel mode: w / ΣW, or w / total_weight under `fixed`;
    /// user modes: limit / 100, 1 when unlimited; no engine: 1 / containers).
    public var configuredShares: [Double] {
        switch isolation {
        case .kernelMode(let policy, _, let total):
            let sum = containers.reduce(0.0) { $0 + $1.weight }
            let denominator = policy == .fixed ? max(total ?? sum, sum) : sum
            return containers.map { denominator > 0 ? $0.weight / denominator : 0 }
        case .userMode, .userModeTimeSliced:
            return containers.map { ($0.limitPercent ?? 100) / 100 }
        case .none:
            return containers.map { _ in 1 / Double(max(1, containers.count)) }
        }
    }
}
