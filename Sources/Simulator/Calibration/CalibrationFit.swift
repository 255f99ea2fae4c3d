import ColoModel
import SimEngine
import Workload

/// Fits the device's time-slicing and dispatch constants to calibration measurements.
///
/// Free parameters: native timeslice, context-switch cost, the priority block wait (in block
/// durations) and the host round trip (launch + completion latency, split evenly). The objective
/// sums squared relative errors over every configuration: stable LS p50 and p99, BE throughput,
/// and — for unstable LS queues, whose growth rate carries the cost of one LS request under
/// time-slicing — the mean LS latency (weight 0.5). Minimized with GSL's Nelder–Mead simplex
/// (``NelderMead``).
public enum CalibrationFit {
    /// Constants being fitted.
    public struct Parameters: Hashable, Sendable, Codable {
        /// Native timeslice, ms.
        public var timesliceMs: Double
        /// Context-switch cost, µs.
        public var contextSwitchUs: Double
        /// Priority block wait, in block durations.
        public var priorityBlockWait: Double
        /// Launch + completion latency, µs.
        public var hostRoundTripUs: Double

        /// The parameters of `profile`.
        public init(_ profile: DeviceProfile) {
            timesliceMs = profile.timeslice.seconds * 1e3
            contextSwitchUs = profile.contextSwitchCost.seconds * 1e6
            priorityBlockWait = profile.priorityBlockWait
            hostRoundTripUs = (profile.launchLatency + profile.completionLatency).seconds * 1e6
        }

        init(vector v: [Double]) {
            timesliceMs = v[0]
            contextSwitchUs = v[1]
            priorityBlockWait = v[2]
            hostRoundTripUs = v[3]
        }

        var vector: [Double] { [timesliceMs, contextSwitchUs, priorityBlockWait, hostRoundTripUs] }

        /// Whether every value is physically possible.
        public var isValid: Bool {
            timesliceMs > 0.05 && contextSwitchUs >= 0 && priorityBlockWait >= 0 && hostRoundTripUs >= 0
        }

        /// `profile` with these constants.
        public func applied(to profile: DeviceProfile) -> DeviceProfile {
            var p = profile
            p.timeslice = .milliseconds(timesliceMs)
            p.contextSwitchCost = .microseconds(contextSwitchUs)
            p.priorityBlockWait = priorityBlockWait
            p.launchLatency = .microseconds(hostRoundTripUs / 2)
            p.completionLatency = .microseconds(hostRoundTripUs / 2)
            return p
        }
    }

    /// The fit's outcome.
    public struct Outcome: Sendable {
        /// Where the search started.
        public var start: Parameters
        /// The best constants found.
        public var fitted: Parameters
        /// Objective at the start.
        public var startObjective: Double
        /// Objective at the fitted constants.
        public var fittedObjective: Double
        /// Simplex iterations.
        public var iterations: Int
        /// Replay rows at the fitted constants.
        public var rows: [CalibrationRow]
    }

    /// The objective: Σ squared relative errors (see the type's documentation).
    public static func objective(_ rows: [CalibrationRow]) -> Double {
        var sum = 0.0
        func add(_ e: Double?, _ w: Double = 1) { if let e { sum += w * e * e } }
        for r in rows {
            if r.measured.unstable == false {
                add(CalibrationRow.error(r.predicted.p50Us, r.measured.p50Us))
                add(CalibrationRow.error(r.predicted.p99Us, r.measured.p99Us))
            } else if r.measured.unstable == true {
                add(CalibrationRow.error(r.predicted.meanUs, r.measured.meanUs), 0.5)
            }
            if r.measured.unstable != r.predicted.unstable { sum += 1 }
            add(CalibrationRow.error(r.predicted.beKernelsPerSecond, r.measured.beKernelsPerSecond))
        }
        return sum
    }

    /// Replays every configuration on `profile`.
    public static func replayAll(_ configs: [CalibrationConfig], profile: DeviceProfile, seed: UInt64) throws -> [CalibrationRow] {
        try configs.map { try CalibrationReplay.replay($0, profile: profile, seed: seed) }
    }

    /// Fits the constants of `profile` to `configs`.
    public static func fit(_ configs: [CalibrationConfig], profile: DeviceProfile, seed: UInt64 = 42,
                           maxIterations: Int = 40) throws -> Outcome {
        let start = Parameters(profile)
        let startRows = try replayAll(configs, profile: profile, seed: seed)
        var failure: (any Error)?
        let result = NelderMead.minimize(start: start.vector, steps: [0.5, 50, 0.5, 4], tolerance: 1e-2,
                                         maxIterations: maxIterations) { v in
            let p = Parameters(vector: v)
            guard p.isValid else { return 1e6 }
            do {
                return objective(try replayAll(configs, profile: p.applied(to: profile), seed: seed))
            } catch {
                failure = error
                return 1e6
            }
        }
        if let failure { throw failure }
        let fitted = result.map { Parameters(vector: $0.point) } ?? start
        let rows = try replayAll(configs, profile: fitted.applied(to: profile), seed: seed)
        return Outcome(start: start, fitted: fitted, startObjective: objective(startRows),
                       fittedObjective: objective(rows), iterations: result?.iterations ?? 0, rows: rows)
    }
}
