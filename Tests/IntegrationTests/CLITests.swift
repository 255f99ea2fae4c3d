import Testing
import TestSupport

@Suite struct CLITests {
    @Test func unknownFlagExitsWithCode2() throws {
        let r = try runColosim(["bench", "--no-such-flag"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("no-such-flag"))
    }

    @Test func helpExitsZero() throws {
        let r = try runColosim(["--help"])
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("co-location"))
    }
}
