/// Wall-clock timing for benchmarks (the shell's job: models never read a clock).
enum BenchClock {
    /// Runs `body` and returns its result with the elapsed wall time in seconds.
    static func measure<T>(_ body: () throws -> T) rethrows -> (T, seconds: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        let d = clock.now - start
        let c = d.components
        return (value, Double(c.seconds) + Double(c.attoseconds) * 1e-18)
    }
}
