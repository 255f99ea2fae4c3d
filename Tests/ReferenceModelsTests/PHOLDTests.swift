import Testing
import ReferenceModels

/// Known answers from `../shared/reference/README.md` (phold_simpy.py in every mode and heap_limit.c).
@Suite struct PHOLDTests {
    @Test func seed7HundredThousandEventsMatchesTheReferences() {
        let r = PHOLD.run(PHOLDParameters(lps: 1024, population: 16, events: 100_000, seed: 7))
        #expect(r.events == 100_000)
        #expect(r.lastTimestamp == 6.135903385156808)
        #expect(r.checksumHex == "102bfd387d1e988d")
        #expect(r.stopReason == "event-limit")
    }

    @Test func seed1MillionEventsMatchesTheReferences() {
        let r = PHOLD.run(PHOLDParameters(lps: 1024, population: 16, events: 1_000_000, seed: 1))
        #expect(r.events == 1_000_000)
        #expect(r.checksumHex == "17851507a5257f8a")
    }

    @Test func endTimeRemoteAndLookaheadMatchTheReferences() {
        let r = PHOLD.run(PHOLDParameters(lps: 64, population: 4, lookahead: 0.1, remote: 0.5,
                                          endTime: 50, seed: 3))
        #expect(r.events == 11_493)
        #expect(r.lastTimestamp == 49.998519638945915)
        #expect(r.checksumHex == "69a15282a006b81a")
        #expect(r.stopReason == "time-limit")
    }

    @Test func sameSeedReplaysAndOtherSeedsDiffer() {
        let p = PHOLDParameters(lps: 256, population: 8, events: 50_000, seed: 11)
        let a = PHOLD.run(p)
        let b = PHOLD.run(p)
        #expect(a == b)
        var q = p
        q.seed = 12
        let c = PHOLD.run(q)
        #expect(c.digest != a.digest)
        #expect(c.checksum != a.checksum)
        #expect(c.lastTimestamp != a.lastTimestamp)
    }

    @Test func localOnlyPHOLDKeepsEveryLPsPopulation() {
        // remote = 0: events never leave their LP, so after E events the counts are per-LP sums
        // and the pending population per LP stays `pop`; the run is still deterministic.
        let r = PHOLD.run(PHOLDParameters(lps: 4, population: 3, remote: 0, events: 1000, seed: 5))
        #expect(r.events == 1000)
        #expect(r.lastTimestamp > 0)
    }

    @Test(arguments: [
        (PHOLDParameters(lps: 0), "--lps"),
        (PHOLDParameters(population: 0), "--pop"),
        (PHOLDParameters(mean: -1), "--mean"),
        (PHOLDParameters(mean: .nan), "--mean"),
        (PHOLDParameters(lookahead: -0.5), "--lookahead"),
        (PHOLDParameters(remote: 1.5), "--remote"),
        (PHOLDParameters(endTime: 0), "--end-time"),
        (PHOLDParameters(lps: 1 << 20, population: 1 << 20), "--pop"),
    ])
    func invalidParametersNameTheirFlag(_ p: PHOLDParameters, _ field: String) {
        #expect(throws: ModelParameterError.self) { try p.validate() }
        do { try p.validate() } catch { #expect(error.field == field) }
    }
}
