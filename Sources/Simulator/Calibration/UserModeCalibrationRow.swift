/// Measured against predicted figures of one user-mode configuration.
public struct UserModeCalibrationRow: Hashable, Sendable {
    /// The configuration (with the measurements).
    public var config: UserModeCalibrationConfig
    /// Predicted figures per container name (the keys measured for it).
    public var predicted: [String: UserModeCalibrationConfig.Measured]
    /// One check per measured figure, in container order.
    public var checks: [UserModeCalibrationCheck]
    /// The simulation's digest.
    public var digest: UInt64
    /// The container whose host pid the containers started together read in the replay (nil: no race).
    public var hostPidWinner: String? = nil
    /// Whether ``hostPidWinner`` was inferred (the outcome closest to the measurement) rather than
    /// recorded in the file (`host_pid_of`).
    public var winnerInferred = false
    /// Checks held under each possible winner of the race (empty: no race), for the report.
    public var heldByWinner: [String: Int] = [:]
    /// Arrival seeds the prediction averages over (``UserModeCalibrationReplay/defaultReplications``).
    public var replications = 1

    /// Checks that hold.
    public var checksHeld: Int { checks.filter(\.holds).count }
}
