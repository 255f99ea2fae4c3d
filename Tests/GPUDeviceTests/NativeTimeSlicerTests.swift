import ColoModel
import GPUDevice
import SimEngine
import Testing

@Suite struct NativeTimeSlicerTests {
    let a = ContainerID(1), b = ContainerID(2)

    @Test func roundRobinsBusyContextsAndIsWorkConserving() {
        var s = NativeTimeSlicer(timeslice: .milliseconds(2))
        _ = s.handle(.attached(a, priority: .bestEffort, weight: 1), now: .zero)
        _ = s.handle(.attached(b, priority: .bestEffort, weight: 1), now: .zero)
        #expect(s.handle(.busy(a), now: .zero) == [.grant(a)])
        // b becomes busy 0.5 ms later: waits for a's slice boundary at 2 ms.
        let t = Instant.seconds(0.0005)
        let acts = s.handle(.busy(b), now: t)
        #expect(acts == [.setTimer(at: .seconds(0.002), token: 1)])
        let acts2 = s.handle(.timer(token: 1), now: .seconds(0.002))
        #expect(acts2.first == .grant(b))
        #expect(acts2.contains(.setTimer(at: .seconds(0.004), token: 2)))
        // b goes idle early: a gets the GPU at once.
        let acts3 = s.handle(.idle(b), now: .seconds(0.003))
        #expect(acts3.contains(.grant(a)))
        #expect(s.holder == a)
        // a goes idle with nobody waiting: nobody holds the domain.
        #expect(s.handle(.idle(a), now: .seconds(0.0031)) == [.grant(nil)])
    }
}

@Suite struct NativeTimeSlicerPropertyTests {
    /// Random busy/idle/timer sequences (SplitMix64-style LCG, fixed seed): invariants hold after
    /// every event and no context waits longer than (others × slice) while busy.
    @Test func invariantsHoldUnderRandomEvents() {
        var s = NativeTimeSlicer(timeslice: .milliseconds(2))
        let ids = (0..<4).map { ContainerID($0) }
        for c in ids { _ = s.handle(.attached(c, priority: .bestEffort, weight: 1), now: .zero) }
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        var now = Instant.zero
        var timers: [(Instant, UInt64)] = []
        var waitingSince: [ContainerID: Instant] = [:]
        var worstWait = SimDuration.zero
        for _ in 0..<5000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            now = now + .microseconds(Double((x >> 33) % 1500))
            // Deliver due timers first.
            var acts: [ContextSchedulerAction] = []
            timers.sort { $0.0 < $1.0 }
            while let t = timers.first, t.0 <= now {
                timers.removeFirst()
                acts += s.handle(.timer(token: t.1), now: t.0)
            }
            let c = ids[Int((x >> 20) % 4)]
            acts += (x >> 40) % 2 == 0 ? s.handle(.busy(c), now: now) : s.handle(.idle(c), now: now)
            for a in acts {
                if case .setTimer(let at, let token) = a { timers.append((at, token)) }
                if case .cancelTimer(let token) = a { timers.removeAll { $0.1 == token } }
            }
            #expect(s.invariantViolations().isEmpty, "\(s.invariantViolations())")
            for b in s.busy where b != s.holder { if waitingSince[b] == nil { waitingSince[b] = now } }
            for (b, since) in waitingSince where b == s.holder || !s.busy.contains(b) {
                worstWait = max(worstWait, now - since)
                waitingSince[b] = nil
            }
        }
        // Round robin: a busy context waits at most 3 other slices plus event granularity.
        #expect(worstWait <= .milliseconds(3 * 2 + 3))
    }
}
