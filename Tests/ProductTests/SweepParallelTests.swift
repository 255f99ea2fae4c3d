import Foundation
import Testing
@testable import ColosimCLI

@Suite struct SweepParallelTests {
    final class Gauge: @unchecked Sendable {
        let lock = NSLock()
        var now = 0, peak = 0
        func enter() { lock.lock(); now += 1; peak = max(peak, now); lock.unlock() }
        func leave() { lock.lock(); now -= 1; lock.unlock() }
    }

    @Test func resultsComeBackInInputOrderWithWorkersRunningTogether() throws {
        let gauge = Gauge()
        let out = try SweepParallel.map(Array(0..<8), jobs: 2) { i -> Int in
            gauge.enter()
            defer { gauge.leave() }
            usleep(50_000)
            return i * i
        }
        #expect(out == (0..<8).map { $0 * $0 })
        #expect(gauge.peak == 2)  // two workers in flight at once, never more than --jobs
    }

    struct Boom: Error {}

    @Test func anErrorStopsTheMapAndIsRethrown() {
        #expect(throws: Boom.self) {
            _ = try SweepParallel.map(Array(0..<20), jobs: 2) { i -> Int in
                if i == 3 { throw Boom() }
                return i
            }
        }
    }
}
