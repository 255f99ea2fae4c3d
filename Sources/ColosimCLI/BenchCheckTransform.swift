import ColoModel
import Isolation
import Scenario
import SimEngine
import Simulator

/// Configuration transforms `bench check` applies to every case before running it: the hook by
/// which tests (and researchers) change a constant or install a policy without touching the code or
/// any global state. ``identity`` is what `colosim bench check` runs.
public struct BenchCheckTransform: Sendable {
    /// Applied to each loaded single-GPU scenario (e.g. its isolation parameters).
    public var scenario: @Sendable (Scenario) -> Scenario
    /// Applied to each single-GPU simulation configuration (scenarios and calibration replays), e.g.
    /// to install one's own ``ColoModel/ContextScheduler`` or ``ColoModel/LaunchGate``.
    public var simulation: @Sendable (SimulationConfig) -> SimulationConfig
    /// Applied to the device profile of the calibration replay.
    public var calibrationProfile: @Sendable (DeviceProfile) -> DeviceProfile
    /// Applied to each cluster scenario's simulation configuration.
    public var cluster: @Sendable (ClusterSimulationConfig) -> ClusterSimulationConfig

    /// Creates a transform; each part defaults to the identity.
    public init(scenario: @escaping @Sendable (Scenario) -> Scenario = { $0 },
                simulation: @escaping @Sendable (SimulationConfig) -> SimulationConfig = { $0 },
                calibrationProfile: @escaping @Sendable (DeviceProfile) -> DeviceProfile = { $0 },
                cluster: @escaping @Sendable (ClusterSimulationConfig) -> ClusterSimulationConfig = { $0 }) {
        self.scenario = scenario
        self.simulation = simulation
        self.calibrationProfile = calibrationProfile
        self.cluster = cluster
    }

    /// Changes nothing.
    public static let identity = BenchCheckTransform()

    /// Every kernel-mode scenario runs with slices of `unit` instead of its own
    /// (``Isolation/KernelModeParameters/unitNs``, default 2 ms): what editing that default does to the
    /// scenarios that do not set `slice_ms`.
    public static func kernelModeSlice(_ unit: SimDuration) -> BenchCheckTransform {
        BenchCheckTransform(scenario: { s in
            var s = s
            if case .kernelMode(let policy, var p, let total) = s.isolation {
                p.unitNs = unit.nanoseconds
                s.isolation = .kernelMode(policy, p, totalWeight: total)
            }
            return s
        })
    }
}
