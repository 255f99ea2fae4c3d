import Testing
@testable import SimEngine

@Suite struct EventQueueTests {
    @Test func popsInTimeThenPriorityThenInsertionOrder() {
        var q = EventQueue<Instant, String>()
        q.push("late", at: Instant(nanoseconds: 30))
        q.push("tie-a", at: Instant(nanoseconds: 10))
        q.push("urgent", at: Instant(nanoseconds: 10), priority: -1)
        q.push("tie-b", at: Instant(nanoseconds: 10))
        q.push("early", at: Instant(nanoseconds: 5))
        var order: [String] = []
        while let e = q.pop() { order.append(e.payload) }
        #expect(order == ["early", "urgent", "tie-a", "tie-b", "late"])
    }

    @Test func matchesASortOfManyRandomKeys() {
        var q = EventQueue<Double, Int>()
        var state: UInt64 = 12345
        var keys: [(Double, Int)] = []
        for i in 0..<5000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let t = Double(state >> 54)  // few distinct values: many ties
            keys.append((t, i))
            q.push(i, at: t)
            if i % 97 == 0 { #expect(q.isHeapOrdered) }
        }
        let expected = keys.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }.map(\.1)
        var got: [Int] = []
        while let e = q.pop() { got.append(e.payload) }
        #expect(got == expected)
    }
}

@Suite struct SimulationTests {
    struct Recorder: EventHandler {
        var seen: [(Int64, Int)] = []
        var cancelTarget: EventID?
        mutating func handle(_ event: Int, id: EventID, in sim: inout Simulation<Instant, Int>) -> StepResult {
            seen.append((sim.now.nanoseconds, event))
            if event == 1, let target = cancelTarget { sim.cancel(target) }
            if event == 2 { sim.schedule(20, after: SimDuration(nanoseconds: 5)) }
            return event == 99 ? .stop : .continue
        }
    }

    @Test func cancelledEventsAreSkippedAndClockAdvances() {
        var sim = Simulation<Instant, Int>()
        var h = Recorder()
        sim.schedule(1, at: Instant(nanoseconds: 10))
        sim.schedule(2, at: Instant(nanoseconds: 20))
        h.cancelTarget = sim.schedule(3, at: Instant(nanoseconds: 15))
        let reason = sim.run(&h)
        #expect(reason == .queueEmpty)
        #expect(h.seen.map(\.1) == [1, 2, 20])
        #expect(h.seen.map(\.0) == [10, 20, 25])
        #expect(sim.eventsProcessed == 3)
    }

    @Test func runStopsBeforeTheTimeLimitAndAtTheEventLimit() {
        var sim = Simulation<Instant, Int>()
        var h = Recorder()
        for t in [5, 10, 15, 20] { sim.schedule(t, at: Instant(nanoseconds: Int64(t))) }
        #expect(sim.run(&h, until: Instant(nanoseconds: 15)) == .timeLimit)
        #expect(h.seen.map(\.1) == [5, 10])
        #expect(sim.now == Instant(nanoseconds: 15))
        #expect(sim.run(&h, maxEvents: 1) == .eventLimit)
        #expect(h.seen.map(\.1) == [5, 10, 15])
        sim.schedule(99, at: Instant(nanoseconds: 16))
        #expect(sim.run(&h) == .stoppedByHandler)
        #expect(sim.pendingCount == 1)
    }

    @Test func fnvMatchesTheReferenceDefinition() {
        // fnv1a64_ints([]) is the offset basis; [1] computed by hand from the definition.
        var h = FNV1a64()
        #expect(h.hex == "cbf29ce484222325")
        h.combine(UInt64(1))
        var manual: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte: UInt64 in [1, 0, 0, 0, 0, 0, 0, 0] { manual = (manual ^ byte) &* 0x100000001B3 }
        #expect(h.value == manual)
    }
}
