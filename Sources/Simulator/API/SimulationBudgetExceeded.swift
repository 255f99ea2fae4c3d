import Foundation
import SimEngine

/// A run that needed more events than its budget (``SimulationConfig/eventBudget``): an accepted
/// but absurd scenario (a microsecond kernel stream over months of simulated time) stops with this
/// error instead of running for hours. The CLI prints it and exits with code 2.
public struct SimulationBudgetExceeded: Error, Sendable, Hashable, CustomStringConvertible {
    /// The budget that was exhausted, in events.
    public var budget: UInt64
    /// Simulated time reached when the run stopped.
    public var simulatedSeconds: Double
    /// The simulated time the run asked for.
    public var durationSeconds: Double

    /// Creates the error.
    public init(budget: UInt64, simulatedSeconds: Double, durationSeconds: Double) {
        self.budget = budget
        self.simulatedSeconds = simulatedSeconds
        self.durationSeconds = durationSeconds
    }

    /// The budget in force in this process: `COLOSIM_MAX_EVENTS` when set, else the default.
    public static var budgetInForce: UInt64 {
        InputLimits.eventBudget(environment: ProcessInfo.processInfo.environment)
    }

    public var description: String {
        "the simulation stopped after \(budget) events at \(CheckedNumber.format(simulatedSeconds)) s of the "
            + "\(CheckedNumber.format(durationSeconds)) s asked for (the simulation budget); shorten duration_s or lower "
            + "the rates, or raise the budget with \(InputLimits.eventBudgetVariable)=N"
    }
}
