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
