import SimEngine
import Testing

@Suite struct CheckedNumberTests {
    @Test func conversionsThrowInsteadOfTrapping() throws {
        #expect(try CheckedNumber.int64(2.5) == 3)
        #expect(throws: NumericInputError.self) { try CheckedNumber.int64(1e19) }
        #expect(throws: NumericInputError.self) { try CheckedNumber.int64(.nan) }
        #expect(throws: NumericInputError.self) { try CheckedNumber.int(-.infinity) }
        #expect(try CheckedNumber.nanoseconds(seconds: 1.5) == 1_500_000_000)
        #expect(throws: NumericInputError.self) { try CheckedNumber.nanoseconds(seconds: 1e10) }
        #expect(throws: NumericInputError.self) { try CheckedNumber.duration(seconds: -1) }
    }

    @Test func seedsCoverTheWholeUInt64Range() throws {
        #expect(try CheckedNumber.seed("18446744073709551615") == .max)
        #expect(try CheckedNumber.seed("9223372036854775808") == 1 << 63)
        #expect(try CheckedNumber.seed("0x10") == 16)
        #expect(throws: NumericInputError.self) { try CheckedNumber.seed("-1") }
        #expect(throws: NumericInputError.self) { try CheckedNumber.seed("18446744073709551616") }
    }

    @Test func saturatingDurationsNeverTrap() {
        #expect(SimDuration.seconds(1e300).nanoseconds == .max)
        #expect(SimDuration.seconds(-1e300).nanoseconds == .min)
        #expect(SimDuration.seconds(.nan).nanoseconds == 0)
        #expect(SimDuration.microseconds(250).nanoseconds == 250_000)
        #expect(CheckedNumber.clampedInt(1e300, to: 1...10) == 10)
        #expect(CheckedNumber.clampedInt(.nan, to: 1...10) == 1)
    }

    @Test func unitRulesFollowTheFieldName() {
        #expect(InputLimits.rule(forKey: "duration_s").problem(1e7) == nil)
        #expect(InputLimits.rule(forKey: "duration_s").problem(1.1e7) != nil)
        #expect(InputLimits.rule(forKey: "work_us").problem(1e-300) != nil)
        #expect(InputLimits.rule(forKey: "work_us").problem(0.001) == nil)
        #expect(InputLimits.rule(forKey: "rate_per_s").problem(3.6e-154) != nil)
        #expect(InputLimits.rule(forKey: "weight").problem(1e308) != nil)
        #expect(InputLimits.maxInteger(forKey: "in_flight") == 10_000)
        #expect(InputLimits.eventBudget(environment: ["COLOSIM_MAX_EVENTS": "12"]) == 12)
        #expect(InputLimits.eventBudget(environment: ["COLOSIM_MAX_EVENTS": "x"]) == InputLimits.defaultEventBudget)
    }
}
