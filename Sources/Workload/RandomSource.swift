import CGSL

/// A seeded random stream backed by GSL's MT19937, with the distributions the workload models need.
///
/// One `RandomSource` per purpose or entity (``init(seed:purpose:)``), so adding a draw in one place
/// never perturbs another stream. The GSL generator is seeded from SplitMix64 of (seed, purpose).
/// Distributions: GSL reference manual, "Random Number Distributions" (gsl_ran_*).
public final class RandomSource {
    private let rng: UnsafeMutablePointer<gsl_rng>

    /// Creates the stream for `purpose` (any stable string) under run seed `seed`.
    public init(seed: UInt64, purpose: String) {
        Self.configureGSL
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in purpose.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        var sm = SplitMix64(seed: seed, stream: h)
        // gsl_rng_alloc only fails on out-of-memory, where nothing sensible can continue.
        guard let r = gsl_rng_alloc(cgsl_rng_mt19937()) else { fatalError("gsl_rng_alloc failed") }
        rng = r
        // MT19937 takes an unsigned long seed; 0 selects GSL's default seed, so avoid it.
        gsl_rng_set(rng, UInt(truncatingIfNeeded: sm.next64() | 1))
    }

    deinit { gsl_rng_free(rng) }

    /// GSL aborts on errors by default; turn that off once (../shared/SWIFT-NOTES.md).
    private static let configureGSL: Void = { _ = gsl_set_error_handler_off() }()

    /// Uniform in [0, 1).
    public func uniform() -> Double { gsl_rng_uniform(rng) }
    /// Uniform in (0, 1).
    public func uniformPositive() -> Double { gsl_rng_uniform_pos(rng) }
    /// Uniform integer in `0..<n` (n ≥ 1).
    public func index(_ n: Int) -> Int { Int(gsl_rng_uniform_int(rng, UInt(max(1, n)))) }
    /// Exponential with the given mean.
    public func exponential(mean: Double) -> Double { gsl_ran_exponential(rng, mean) }
    /// Lognormal with parameters of the underlying normal (ζ = mu, σ = sigma).
    public func lognormal(mu: Double, sigma: Double) -> Double { gsl_ran_lognormal(rng, mu, sigma) }
    /// Gamma with shape `k` and scale `theta` (mean k·θ).
    public func gamma(shape k: Double, scale theta: Double) -> Double { gsl_ran_gamma(rng, k, theta) }
    /// Poisson count with the given mean.
    public func poisson(mean: Double) -> Int { Int(gsl_ran_poisson(rng, mean)) }
    /// Normal with the given mean and standard deviation.
    public func normal(mean: Double, sd: Double) -> Double { mean + gsl_ran_gaussian_ziggurat(rng, sd) }
    /// Uniform in [a, b).
    public func uniform(_ a: Double, _ b: Double) -> Double { gsl_ran_flat(rng, a, b) }

    /// One of `samples`, drawn uniformly (an empirical distribution); nil when empty.
    public func empirical(_ samples: [Double]) -> Double? {
        samples.isEmpty ? nil : samples[index(samples.count)]
    }

    /// Shuffles `array` in place (Fisher–Yates with this stream).
    public func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, index(i + 1))
        }
    }
}
