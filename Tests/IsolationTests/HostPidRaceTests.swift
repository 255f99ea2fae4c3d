import ColoModel
import Isolation
import SimEngine
import Testing

/// HAMi-core's host-pid race (`set_task_pid`) as one rule, used by the engine at attach and by
/// cluster runs when pods start; and a caller-given mapping overriding it in the gate.
@Suite struct HostPidRaceTests {
    let c0 = ContainerID(1), c1 = ContainerID(2)
    static let ms: Int64 = 1_000_000

    /// Hand-worked with a 500 ms window: a process at 300 ms takes the pid the earliest of the ones
    /// started within 500 ms reads; at 550 ms the one from 0 ms is out of the window; ties go to the
    /// first listed; nothing within the window, or a window of 0, leaves it its own pid (nil).
    @Test func theEarliestWithinTheWindowWins() {
        let w = 500 * Self.ms
        let earlier: [(startedAtNs: Int64, reads: Int)] = [(0, 7), (100 * Self.ms, 1)]
        #expect(UserModeEngine.hostPidOwner(startingAt: 300 * Self.ms, earlier: earlier, window: w) == 7)
        #expect(UserModeEngine.hostPidOwner(startingAt: 550 * Self.ms, earlier: earlier, window: w) == 1)
        #expect(UserModeEngine.hostPidOwner(startingAt: 700 * Self.ms, earlier: earlier, window: w) == nil)
        let tie: [(startedAtNs: Int64, reads: Int)] = [(0, 2), (0, 1)]
        #expect(UserModeEngine.hostPidOwner(startingAt: 0, earlier: tie, window: w) == 2)
        #expect(UserModeEngine.hostPidOwner(startingAt: 0, earlier: tie, window: 0) == nil)
        #expect(UserModeEngine.hostPidOwner(startingAt: 0, earlier: [], window: w) == nil)
    }

    /// Both processes attach at 0, so the engine's race would have the second read the first. A
    /// given mapping wins: c0 reads c1's 99 %, c1 its own; a mapping to a pid no container has reads 0.
    /// Hand-worked shares (HAMi-core `delta`, V100 80 SMs × 2048, limit 10): reading 99 the first pass
    /// lowers a share of 0 to 0; reading 0 raises it by the accelerated step.
    @Test func aGivenMappingOverridesTheRace() {
        var p = UserModeParameters(smCount: 80, maxThreadsPerSM: 2048)
        p.policy = .force
        var g = HAMiLaunchGate(parameters: p, deviceMemoryBytes: 16 << 30, hostPidOf: [c0: c1, c1: c1])
        _ = g.handle(.attached(c0, priority: .bestEffort, limitPercent: 10), now: .zero)
        _ = g.handle(.attached(c1, priority: .bestEffort, limitPercent: 90), now: .zero)
        #expect(g.engine.states[1].watchedSlot == 0)   // the engine's own race …
        let t = Instant(nanoseconds: 120 * Self.ms)
        _ = g.handle(.timer(token: 0 << 1, smUtilization: [c0: 0.05, c1: 0.99]), now: t)
        _ = g.handle(.timer(token: 1 << 1, smUtilization: [c0: 0.05, c1: 0.99]), now: t)
        #expect(g.engine.states[0].lastUtilization == 99)   // … is overridden
        #expect(g.engine.states[1].lastUtilization == 99)
        #expect(g.engine.states[0].share == 0)

        var gone = HAMiLaunchGate(parameters: p, deviceMemoryBytes: 16 << 30, hostPidOf: [c0: ContainerID(9)])
        _ = gone.handle(.attached(c0, priority: .bestEffort, limitPercent: 10), now: .zero)
        _ = gone.handle(.timer(token: 0, smUtilization: [c0: 0.99]), now: t)
        #expect(gone.engine.states[0].lastUtilization == 0)
        #expect(gone.engine.states[0].share > 0)
    }
}
