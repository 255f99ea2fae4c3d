#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A SplitMix64 random stream exactly as specified in `../shared/reference/detrng.py`.
///
/// Stream `k` of seed `s` starts from `mix64(s + (k + 1) · GOLDEN)`; `uniform()` takes the top 53
/// bits; `exp(mean)` is `-mean · log(1 − u)` with the platform libm `log`. The reference models
/// (PHOLD, M/M/c) draw only from these streams so their checksums match the Python and C references.
/// SplitMix64: Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014.
public struct SplitMix64: Sendable {
    /// The 64-bit state.
    public var state: UInt64

    @usableFromInline static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The SplitMix64 finaliser.
    @inlinable public static func mix64(_ z0: UInt64) -> UInt64 {
        var z = z0
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Stream `stream` of `seed`.
    @inlinable public init(seed: UInt64, stream: UInt64) {
        state = Self.mix64(seed &+ (stream &+ 1) &* Self.golden)
    }

    /// The next 64 random bits.
    @inlinable public mutating func next64() -> UInt64 {
        state &+= Self.golden
        return Self.mix64(state)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable public mutating func uniform() -> Double {
        Double(next64() >> 11) * 0x1.0p-53
    }

    /// An exponential variate with the given mean.
    @inlinable public mutating func exp(mean: Double) -> Double {
        -mean * log(1.0 - uniform())
    }

    /// A uniform index in `0..<n`.
    @inlinable public mutating func index(_ n: Int) -> Int {
        Int(uniform() * Double(n))
    }

    /// Fisher–Yates shuffle in place, from the last element down, drawing `next64() % (i + 1)`.
    public mutating func shuffle<T>(_ xs: inout [T]) {
        guard xs.count > 1 else { return }
        for i in stride(from: xs.count - 1, to: 0, by: -1) {
            xs.swapAt(i, Int(next64() % UInt64(i + 1)))
        }
    }
}
