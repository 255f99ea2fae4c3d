import ColoModel
import SimEngine
import Testing
@testable import Isolation

/// The contract adapters: ids ↔ slots, resume points of retried launches, timers and utilization.
@Suite struct AdapterTests {
    let c0 = ContainerID(0), c1 = ContainerID(1)

    @Test func hamiGateResumesThrottledLaunchesAtThePoolCheck() {
        var p = UserModeParameters(smCount: 80, maxThreadsPerSM: 2048)
        p.policy = .force
        p.switchCachedByWatcher = false
        var g = HAMiLaunchGate(parameters: p, deviceMemoryBytes: 16 << 30)
        #expect(g.utilizationReport == .nvmlProcessSamples(period: .milliseconds(200), phase: .zero, jitter: .microseconds(1250)))
        #expect(g.contextMemoryBytes == 518 << 20)
        let timers = g.handle(.attached(c0, priority: .bestEffort, limitPercent: 10), now: .zero)
        // The watcher asks for 1 s of utilization, the monitor for none.
        #expect(timers.contains(.setTimer(at: Instant(nanoseconds: 120_000_000), token: 0,
                                          utilizationWindow: SimDuration(nanoseconds: 1_000_000_000))))
        #expect(timers.contains(.setTimer(at: Instant(nanoseconds: 5_000_000_000), token: 1, utilizationWindow: nil)))
        let launch = { (id: UInt64) in LaunchRequest(container: self.c0, launchID: id, gridBlocks: 100, priority: .bestEffort) }
        #expect(g.handle(.launchRequested(launch(1)), now: .zero) == [.admit(launch: 1)])
        #expect(g.handle(.launchRequested(launch(2)), now: Instant(nanoseconds: 1))
                == [.retry(launch: 2, at: Instant(nanoseconds: 10_000_001))])
        // A watcher pass reporting 4% (0.04): diff 6 > 10/2, so the share is 30 720 · 6 · 2 / 11 = 33 512.
        _ = g.handle(.timer(token: 0, smUtilization: [c0: 0.04]), now: Instant(nanoseconds: 120_000_000))
        #expect(g.engine.states[0].lastUtilization == 4)
        #expect(g.engine.states[0].share == 33_512)
        #expect(g.handle(.launchRequested(launch(2)), now: Instant(nanoseconds: 120_000_001)) == [.admit(launch: 2)])
    }

    /// Two processes started together share container 0's host pid: container 1's watcher (limit 90)
    /// reads container 0's 20%, not its own 99%: diff 70 > 45, inc = 80²·2048·70/2560 = 358 400,
    /// × 70 · 2 / 91 → 551 384 (C integer division), so its share grows instead of shrinking.
    @Test func hamiGateWatcherReadsTheSharedHostPid() {
        var p = UserModeParameters(smCount: 80, maxThreadsPerSM: 2048)
        p.policy = .force
        var g = HAMiLaunchGate(parameters: p, deviceMemoryBytes: 16 << 30)
        _ = g.handle(.attached(c0, priority: .bestEffort, limitPercent: 10), now: .zero)
        _ = g.handle(.attached(c1, priority: .bestEffort, limitPercent: 90), now: .zero)
        #expect(g.engine.states[1].watchedSlot == 0)
        _ = g.handle(.timer(token: 1 << 1, smUtilization: [c0: 0.20, c1: 0.99]), now: Instant(nanoseconds: 120_000_000))
        #expect(g.engine.states[1].lastUtilization == 20)
        #expect(g.engine.states[1].share == 551_384)
    }

    @Test func kernelModeSchedulerGrantsBySlotsWithSwitchCosts() {
        var s = KernelModeScheduler(policy: .onlinePreemptsOffline, parameters: KernelModeParameters())
        _ = s.handle(.attached(c0, priority: .latencySensitive, weight: 1), now: .zero)
        _ = s.handle(.attached(c1, priority: .bestEffort, weight: 1), now: .zero)
        let a = s.handle(.busy(c1), now: .zero)
        #expect(a.first == .grant(c1, switchCost: SimDuration(nanoseconds: 25_000)))
        let b = s.handle(.busy(c0), now: Instant(nanoseconds: 500_000))
        #expect(b.first == .grant(c0, switchCost: SimDuration(nanoseconds: 75_000)))   // switch + preemption
        // Timers carry fresh tokens; any token reaches the core, which ignores stale ones.
        guard case .setTimer(_, let t1) = b.last, case .setTimer(_, let t0) = a.last else {
            Issue.record("timers"); return
        }
        #expect(t1 != t0)
        #expect(s.handle(.timer(token: t0), now: Instant(nanoseconds: 2_000_000)).isEmpty)
    }

    @Test func weightsAreScaledKeepingRatios() {
        var s = KernelModeScheduler(policy: .fixed, parameters: KernelModeParameters(), capacityWeight: 100)
        _ = s.handle(.attached(c0, priority: .bestEffort, weight: 20), now: .zero)
        #expect(s.core.weights == [20_000_000])
        #expect(s.core.capacityWeight == 100_000_000)
    }
}
