/// The documented ranges of every number colosim accepts from outside (scenario files, traces,
/// calibration files, flags). Values outside them are refused with exit code 2 and a message naming
/// the file, line and field, instead of overflowing an integer conversion or running for ever.
///
/// Scenario fields carry their unit in their name, and the limit follows the unit: every `*_s`
/// field is at most ``maxSeconds``, every `*_ms` / `*_us` field the same span in its unit, rates at
/// most ``maxRatePerSecond``, weights at most ``maxWeight``. See docs/limits.md.
public enum InputLimits {
    /// Longest simulated span of any time field: 10^7 s (about 116 days).
    public static let maxSeconds: Double = 1e7
    /// Shortest positive time: the simulator's resolution, 1 ns.
    public static let minPositiveSeconds: Double = 1e-9
    /// Highest arrival, frame or request rate: 10^7 per second (the lowest positive one is
    /// 1 / ``maxSeconds``, one event in the longest run).
    public static let maxRatePerSecond: Double = 1e7
    /// Highest scheduling weight (kernel-mode, cluster services and jobs): 10^6.
    public static let maxWeight: Double = 1e6
    /// Largest memory size in GiB: 2^20 GiB (1 PiB).
    public static let maxGiB: Double = 1_048_576
    /// Largest magnitude of a number without a unit rule (factors, bandwidths, sizes): 10^9.
    public static let maxPlainNumber: Double = 1e9
    /// Largest whole number without a tighter rule (counts, sizes in MiB, milli-units): 10^9.
    public static let maxCount: Int = 1_000_000_000
    /// Most kernels, frames or requests one workload may keep in flight at once: 10^4.
    public static let maxInFlight: Int = 10_000
    /// Most nodes of a cluster scenario (`cluster.nodes`, or all `cluster.node_groups` together): 10^4.
    public static let maxNodes: Int = 10_000
    /// Most GPUs on one node (`gpus_per_node`; a binding's GPU index is below it): 64.
    public static let maxGPUsPerNode: Int = 64
    /// Most time steps of a cluster run (`duration_s / step_s`): 10^7.
    public static let maxClusterSteps: Double = 1e7
    /// Most arrivals a multi-scheduler run may expect (`rate_per_s × duration_s`, summed): 10^7.
    public static let maxExpectedArrivals: Double = 1e7
    /// Events a single simulation may handle before it stops with an error (the simulation
    /// budget): 10^8, over 1000 times what the largest scenario of the library needs and a few minutes
    /// of a single-GPU run. Override with the environment variable `COLOSIM_MAX_EVENTS`.
    public static let defaultEventBudget: UInt64 = 100_000_000
    /// The environment variable that overrides ``defaultEventBudget``.
    public static let eventBudgetVariable = "COLOSIM_MAX_EVENTS"

    /// A time in seconds.
    public static let seconds = NumericRule(max: maxSeconds, unit: " s", seconds: 1)
    /// A time in milliseconds.
    public static let milliseconds = NumericRule(max: maxSeconds * 1e3, unit: " ms", seconds: 1e-3)
    /// A time in microseconds.
    public static let microseconds = NumericRule(max: maxSeconds * 1e6, unit: " µs", seconds: 1e-6)
    /// A time in nanoseconds.
    public static let nanoseconds = NumericRule(max: maxSeconds * 1e9, unit: " ns", seconds: 1e-9)
    /// A rate per second.
    public static let rate = NumericRule(max: maxRatePerSecond, unit: " per second", seconds: nil,
                                         minPositive: 1 / maxSeconds)
    /// A scheduling weight.
    public static let weight = NumericRule(max: maxWeight, unit: "", seconds: nil)
    /// A memory size in GiB.
    public static let gibibytes = NumericRule(max: maxGiB, unit: " GiB", seconds: nil)
    /// Any other number.
    public static let plain = NumericRule(max: maxPlainNumber, unit: "", seconds: nil)

    /// The range rule for a field called `key` (its last path component), by the unit in its name.
    public static func rule(forKey key: String) -> NumericRule {
        let k = key.lowercased()
        if k == "weight" || k.hasSuffix("_weight") { return weight }
        if k.hasSuffix("_rps") || k.hasSuffix("_per_s") || k == "fps" || k.hasSuffix("_fps") || k == "rate" { return rate }
        if k.hasSuffix("_s") || k == "seconds" { return seconds }
        if k.hasSuffix("_ms") { return milliseconds }
        if k.hasSuffix("_us") { return microseconds }
        if k.hasSuffix("_ns") { return nanoseconds }
        if k.hasSuffix("_gib") || k == "gib" { return gibibytes }
        return plain
    }

    /// The largest whole number accepted for a field called `key`.
    public static func maxInteger(forKey key: String) -> Int {
        switch key.lowercased() {
        case "in_flight", "be_in_flight", "ls_in_flight", "kernels_per_request": return maxInFlight
        default: return maxCount
        }
    }

    /// The event budget in force: `COLOSIM_MAX_EVENTS` when set to a positive whole number, else
    /// ``defaultEventBudget``.
    public static func eventBudget(environment: [String: String]) -> UInt64 {
        if let text = environment[eventBudgetVariable], let v = UInt64(text), v > 0 { return v }
        return defaultEventBudget
    }
}
