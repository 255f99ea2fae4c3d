import ColoModel
import Isolation
import SimEngine
import Simulator

extension Scenario {
    /// The simulator configuration of this scenario, with the isolation engine installed
    /// (``Simulator/IsolationSpec/install(into:)``, the same installation every cluster GPU uses).
    public func simulationConfig(seed overrideSeed: UInt64? = nil) -> SimulationConfig {
        var config = SimulationConfig(profile: profile, containers: containers, duration: duration,
                                      seed: overrideSeed ?? seed)
        config.drainLimit = drain
        config.shareWindow = shareWindow
        isolation.install(into: &config)
        return config
    }
}
