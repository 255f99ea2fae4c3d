import ColoModel
import GPUDevice
import SimEngine

/// Runs one single-GPU simulation: the library entry point of `colosim run` and
/// `colosim calibrate replay`.
///
/// ```swift
/// var config = SimulationConfig(profile: .v100SXM2_16GB, containers: [...], duration: .seconds(10))
/// config.graphicsScheduler = myKernelModeScheduler      // optional: kernel-mode engine
/// config.launchGate = myHAMiGate                         // optional: user-mode engine
/// let result = try GPUSimulation.run(config)
/// ```
public enum GPUSimulation {
    /// Simulates `config` and returns its results; throws ``SimulationConfigError`` when the
    /// configuration is impossible (see ``SimulationConfig/problems()``) and
    /// ``SimulationBudgetExceeded`` when the run needs more events than its budget.
    public static func run(_ config: SimulationConfig) throws -> SimulationResult {
        if let p = config.problems().first { throw p }
        var model = SingleGPUModel(config: config)
        let result = model.run()
        if model.budgetExhausted {
            throw SimulationBudgetExceeded(budget: config.eventBudget, simulatedSeconds: model.sim.now.seconds,
                                           durationSeconds: config.duration.seconds)
        }
        return result
    }
}
