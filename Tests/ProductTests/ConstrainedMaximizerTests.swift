import Testing
import Workload

@Suite struct ConstrainedMaximizerTests {
    /// Maximise −(x − 0.3)² − (y − 0.7)² subject to x + y ≤ 0.9: the optimum is the projection of (0.3, 0.7)
    /// onto the line x + y = 0.9, i.e. (0.25, 0.65) (Lagrange: both coordinates move by 0.05).
    @Test func findsTheConstrainedOptimumOfAQuadratic() throws {
        let r = try #require(ConstrainedMaximizer.maximize(start: [0.5, 0.2], lower: [0, 0], upper: [1, 1],
                                                           resolution: 1e-4, tolerance: 1e-5, maxIterations: 400) { p in
            .init(objective: -((p[0] - 0.3) * (p[0] - 0.3) + (p[1] - 0.7) * (p[1] - 0.7)),
                  violation: max(0, p[0] + p[1] - 0.9))
        })
        let best = try #require(r.best)
        #expect(abs(best.point[0] - 0.25) < 0.02)
        #expect(abs(best.point[1] - 0.65) < 0.02)
        #expect(best.point[0] + best.point[1] <= 0.9 + 1e-12)
        #expect(r.samples.count > 3)
    }

    @Test func staysInTheBox() throws {
        // Unconstrained optimum at (2, −1) lies outside [0, 1]²: the best feasible point is the corner (1, 0).
        let r = try #require(ConstrainedMaximizer.maximize(start: [0.5, 0.5], lower: [0, 0], upper: [1, 1],
                                                           maxIterations: 200) { p in
            .init(objective: -((p[0] - 2) * (p[0] - 2) + (p[1] + 1) * (p[1] + 1)), violation: 0)
        })
        #expect(r.samples.allSatisfy { $0.point.allSatisfy { (0...1).contains($0) } })
        let best = try #require(r.best)
        #expect(abs(best.point[0] - 1) < 0.01 && abs(best.point[1]) < 0.01)
    }

    @Test func rejectsMismatchedDimensions() {
        #expect(ConstrainedMaximizer.maximize(start: [0], lower: [0, 0], upper: [1, 1]) { _ in .init(objective: 0, violation: 0) } == nil)
    }
}
