import Foundation

/// detrng.py's SplitMix64 stream written out again for the recursion oracle (test-only copy, so
/// the oracle shares no code with the model under test).
struct SplitMix64Reference {
    var state: UInt64
    init(seed: UInt64, stream k: UInt64) { state = Self.mix(seed &+ (k &+ 1) &* 0x9E37_79B9_7F4A_7C15) }
    static func mix(_ z0: UInt64) -> UInt64 {
        var z = (z0 ^ (z0 >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Double(Self.mix(state) >> 11) / 9_007_199_254_740_992.0
    }
    mutating func exp(_ mean: Double) -> Double { -mean * Foundation.log(1.0 - uniform()) }
}
