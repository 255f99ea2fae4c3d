import Testing
@testable import Workload

/// Known outputs of Go's `math/rand` (any Go release: Go 1 keeps the stream): with seed 1,
/// `rand.Int()` starts 5577006791947779410, 8674665223082153551, … and `rand.Intn(100)` starts
/// 81, 87, 47, 59, 81, 18, 25, 40, 56, 0 — the values the Go Playground famously printed before
/// Go 1.20 seeded the global source randomly.
@Suite struct GoMathRandTests {
    @Test func seedOneIntMatchesGo() {
        var r = GoMathRand(seed: 1)
        #expect((0..<3).map { _ in r.int() } == [5_577_006_791_947_779_410, 8_674_665_223_082_153_551, 6_129_484_611_666_145_821])
    }

    @Test func seedOneIntnMatchesGo() {
        var r = GoMathRand(seed: 1)
        #expect((0..<10).map { _ in r.intn(100) } == [81, 87, 47, 59, 81, 18, 25, 40, 56, 0])
    }

    @Test func cookedTableHasTheGeneratorLength() {
        #expect(GoMathRand.cooked.count == 607)
        #expect(GoMathRand.cooked.allSatisfy { $0 >= 0 })
    }

    @Test func seedsCongruentModuloTheMersennePrimeGiveTheSameStream() {
        var a = GoMathRand(seed: 42)
        var b = GoMathRand(seed: 42 + Int64(Int32.max))
        #expect((0..<5).map { _ in a.int63() } == (0..<5).map { _ in b.int63() })
        var zero = GoMathRand(seed: 0)
        var fixed = GoMathRand(seed: 89_482_311)
        #expect(zero.int63() == fixed.int63())
    }

    @Test func permAndShuffleArePermutations() {
        var r = GoMathRand(seed: 7)
        let p = r.perm(1000)
        #expect(p.sorted() == Array(0..<1000))
        var xs = Array(0..<1000)
        r.shuffle(&xs)
        #expect(xs.sorted() == Array(0..<1000))
        #expect(xs != Array(0..<1000))
    }
}
