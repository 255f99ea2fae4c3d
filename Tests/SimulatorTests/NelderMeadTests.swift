import Testing
import Workload

@Suite struct NelderMeadTests {
    @Test func findsTheRosenbrockMinimum() throws {
        // Rosenbrock's function has its only minimum, 0, at (1, 1).
        let r = try #require(NelderMead.minimize(start: [-1.2, 1], steps: [0.5, 0.5], tolerance: 1e-8, maxIterations: 2000) { v in
            let (x, y) = (v[0], v[1])
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
        })
        #expect(r.converged)
        #expect(abs(r.point[0] - 1) < 1e-3 && abs(r.point[1] - 1) < 1e-3)
        #expect(r.value < 1e-6)
    }
}
