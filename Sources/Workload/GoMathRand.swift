/// Go's `math/rand` generator, value for value: the stream the FGD artifact draws from.
///
/// The FGD artifact (hkust-adsl/kubernetes-scheduler-simulator, Weng et al., USENIX ATC'23) shuffles,
/// tunes and ranks with Go's global `math/rand` source after `rand.Seed(seed)`. Reproducing that
/// stream lets `colosim place` replay the artifact's arrival sequences and node ranking seed by seed.
///
/// The source is the Additive Lagged Fibonacci generator of D. P. Mitchell and J. A. Reeds used by
/// Go since 1.0 (lags 607 and 273, additions mod 2^63): `Seed` expands the seed with the Park–Miller
/// minimal standard generator (x ← 48271·x mod 2^31−1) XORed with a fixed table (``cooked``, see
/// `scripts/go_math_rand_cooked.py`). The derived draws follow Go's `math/rand` (`rand.go`):
/// `Int31n` rejects above the largest multiple of n; the internal `int31n` used by `Shuffle` is
/// Lemire's multiply-and-shift ("Fast random integer generation in an interval", ACM TOMACS 2019);
/// `Perm` and `Shuffle` are the Fisher–Yates variants Go ships. Go 1 keeps these streams stable.
public struct GoMathRand: Sendable {
    private static let length = 607
    private static let tapLag = 273
    private static let mask: Int64 = .max

    private var vec: [Int64]
    private var tap: Int
    private var feed: Int

    /// A source seeded like Go's `rand.Seed(seed)` / `rand.NewSource(seed)`.
    public init(seed: Int64) {
        let m: Int64 = (1 << 31) - 1
        var s = seed % m
        if s < 0 { s += m }
        if s == 0 { s = 89_482_311 }
        var x = Int32(truncatingIfNeeded: s)
        var vec = [Int64](repeating: 0, count: Self.length)
        for i in -20..<Self.length {
            x = Self.seedrand(x)
            if i >= 0 {
                var u = Int64(x) << 40
                x = Self.seedrand(x)
                u ^= Int64(x) << 20
                x = Self.seedrand(x)
                u ^= Int64(x)
                u ^= Self.cooked[i]
                vec[i] = u & Self.mask
            }
        }
        self.vec = vec
        tap = 0
        feed = Self.length - Self.tapLag
    }

    /// One step of the Park–Miller minimal standard generator, x ← 48271·x mod (2^31 − 1) (Schrage).
    private static func seedrand(_ x: Int32) -> Int32 {
        let hi = x / 44_488
        let lo = x % 44_488
        var y = 48_271 &* lo &- 3_399 &* hi
        if y < 0 { y &+= Int32.max }
        return y
    }

    /// A non-negative 63-bit integer (Go's `Int63`).
    public mutating func int63() -> Int64 {
        tap -= 1
        if tap < 0 { tap += Self.length }
        feed -= 1
        if feed < 0 { feed += Self.length }
        let x = (vec[feed] &+ vec[tap]) & Self.mask
        vec[feed] = x
        return x
    }

    /// A non-negative 63-bit integer as an `Int` (Go's `Int` on 64-bit platforms).
    public mutating func int() -> Int { Int(int63()) }

    /// 32 random bits (Go's `Uint32`: bits 31…62 of `Int63`).
    public mutating func uint32() -> UInt32 { UInt32(truncatingIfNeeded: int63() >> 31) }

    /// A non-negative 31-bit integer (Go's `Int31`).
    public mutating func int31() -> Int32 { Int32(truncatingIfNeeded: int63() >> 32) }

    /// A uniform integer in `0..<n`, `n > 0` (Go's `Int63n`).
    public mutating func int63n(_ n: Int64) -> Int64 {
        precondition(n > 0, "int63n needs n > 0")
        if n & (n - 1) == 0 { return int63() & (n - 1) }
        let max = Int64(bitPattern: (UInt64(1) << 63) - 1 - (UInt64(1) << 63) % UInt64(n))
        var v = int63()
        while v > max { v = int63() }
        return v % n
    }

    /// A uniform integer in `0..<n`, `n > 0` (Go's `Int31n`).
    public mutating func int31n(_ n: Int32) -> Int32 {
        precondition(n > 0, "int31n needs n > 0")
        if n & (n - 1) == 0 { return int31() & (n - 1) }
        let max = Int32(bitPattern: UInt32((UInt64(1) << 31) - 1 - (UInt64(1) << 31) % UInt64(n)))
        var v = int31()
        while v > max { v = int31() }
        return v % n
    }

    /// A uniform integer in `0..<n`, `n > 0` (Go's `Intn`).
    public mutating func intn(_ n: Int) -> Int {
        n <= Int(Int32.max) ? Int(int31n(Int32(n))) : Int(int63n(Int64(n)))
    }

    /// Lemire's bounded draw in `0..<n` (Go's unexported `int31n`, used by `Shuffle`).
    private mutating func lemire31n(_ n: Int32) -> Int32 {
        let bound = UInt32(n)
        var prod = UInt64(uint32()) &* UInt64(bound)
        var low = UInt32(truncatingIfNeeded: prod)
        if low < bound {
            let threshold = (0 &- bound) % bound
            while low < threshold {
                prod = UInt64(uint32()) &* UInt64(bound)
                low = UInt32(truncatingIfNeeded: prod)
            }
        }
        return Int32(truncatingIfNeeded: prod >> 32)
    }

    /// A random permutation of `0..<n` (Go's `Perm`).
    public mutating func perm(_ n: Int) -> [Int] {
        var m = [Int](repeating: 0, count: max(n, 0))
        for i in 0..<max(n, 0) {
            let j = intn(i + 1)
            m[i] = m[j]
            m[j] = i
        }
        return m
    }

    /// Shuffles `elements` in place exactly as Go's `Shuffle(len, swap)` does.
    public mutating func shuffle<T>(_ elements: inout [T]) {
        var i = elements.count - 1
        while i > Int(Int32.max) - 1 {
            elements.swapAt(i, Int(int63n(Int64(i + 1))))
            i -= 1
        }
        while i > 0 {
            elements.swapAt(i, Int(lemire31n(Int32(i + 1))))
            i -= 1
        }
    }
}
