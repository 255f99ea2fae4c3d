import Testing
@testable import SimEngine

/// The deferred-removal ("hole at the root") pop must be indistinguishable from a plain heap.
@Suite struct EventQueueFusedPopTests {
    @Test func countMinimumAndOrderAreRightWhileTheRootIsVacant() {
        var q = EventQueue<Double, Int>()
        for (i, t) in [5.0, 1.0, 3.0, 2.0].enumerated() { q.push(i, at: t) }
        #expect(q.pop()?.payload == 1)   // t = 1
        #expect(q.count == 3)
        #expect(q.minimumTime == 2.0)
        #expect(q.isHeapOrdered)
        q.push(9, at: 2.0)               // fills the hole; ties with t = 2 go FIFO
        #expect(q.count == 4)
        var order: [Int] = []
        while let e = q.pop() { order.append(e.payload) }
        #expect(order == [3, 9, 2, 0])
        #expect(q.isEmpty)
        #expect(q.minimumTime == nil)
        #expect(q.pop() == nil)
    }

    @Test func popBeforeALimitLeavesLaterEventsQueued() {
        var q = EventQueue<Double, Int>()
        q.push(0, at: 1)
        q.push(1, at: 2)
        #expect(q.pop(before: 1.5)?.payload == 0)
        #expect(q.pop(before: 2.0) == nil)   // not strictly before the limit
        #expect(q.count == 1)
        #expect(q.pop(before: nil)?.payload == 1)
    }

    /// Random interleavings of push, pop and cancel against a sorted-array model.
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func randomInterleavingsMatchASortedModel(seed: UInt64) {
        struct Recorder: EventHandler {
            var seen: [Int] = []
            var rng: UInt64
            var nextLabel = 100_000
            var ids: [Int: EventID] = [:]
            var model: [(t: Double, p: Int16, seq: Int, label: Int)] = []
            var seq = 0
            var mismatches = 0
            mutating func draw() -> UInt64 {
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                return rng >> 33
            }
            mutating func handle(_ e: Int, id: EventID, in sim: inout Simulation<Double, Int>) -> StepResult {
                seen.append(e)
                let first = model.removeFirst()
                if first.label != e { mismatches += 1 }
                for _ in 0..<Int(draw() % 3) {   // 0, 1 or 2 successors
                    let t = sim.now + Double(draw() % 4)   // many exact ties
                    let p = Int16(draw() % 3) - 1
                    let label = nextLabel
                    nextLabel += 1
                    ids[label] = sim.schedule(label, at: t, priority: p)
                    insert((t, p, seq, label))
                    seq += 1
                }
                if draw() % 4 == 0, !model.isEmpty {
                    let victim = model.remove(at: Int(draw() % UInt64(model.count)))
                    if let id = ids[victim.label] { sim.cancel(id) }
                }
                return .continue
            }
            mutating func insert(_ x: (t: Double, p: Int16, seq: Int, label: Int)) {
                let i = model.firstIndex { ($0.t, $0.p, $0.seq) > (x.t, x.p, x.seq) } ?? model.count
                model.insert(x, at: i)
            }
        }
        var sim = Simulation<Double, Int>()
        var h = Recorder(rng: seed)
        for label in 0..<200 {
            let t = Double(h.draw() % 50)
            h.ids[label] = sim.schedule(label, at: t)
            h.insert((t, 0, h.seq, label))
            h.seq += 1
        }
        let reason = sim.run(&h, maxEvents: 3000)
        #expect(reason == .eventLimit || reason == .queueEmpty)
        #expect(h.mismatches == 0)
        #expect(h.seen.count == Int(sim.eventsProcessed))
        #expect(reason == .eventLimit || h.model.isEmpty)
        #expect(sim.eventsProcessed > 200)
    }

    @Test func cancellingHandledEventsDoesNotAccumulate() {
        var sim = Simulation<Double, Int>()
        var ids: [EventID] = []
        for i in 0..<10 { ids.append(sim.schedule(i, at: Double(i))) }
        while sim.nextEvent(before: nil) != nil {}
        for id in ids { sim.cancel(id) }     // all already handled: no effect
        #expect(sim.cancelled.count <= sim.pendingCount + 1)
        sim.schedule(42, at: 20)
        #expect(sim.nextEvent(before: nil)?.event == 42)
    }

    @Test func doubleTimeScheduleAfterAddsToNow() {
        var sim = Simulation<Double, Int>()
        sim.schedule(1, at: 0.5)
        _ = sim.nextEvent(before: nil)
        sim.schedule(2, after: 0.25)
        let e = sim.nextEvent(before: nil)
        #expect(e?.time == 0.75)
        #expect(sim.now == 0.75)
    }
}
